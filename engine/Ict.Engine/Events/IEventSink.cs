namespace Ict.Engine.Events;

/// <summary>Receives every event the kernel publishes, on the kernel thread, in order. Must be quick.</summary>
public interface IEventSink
{
    void Handle(EngineEvent engineEvent);
}
