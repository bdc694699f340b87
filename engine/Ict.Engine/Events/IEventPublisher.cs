namespace Ict.Engine.Events;

/// <summary>Publishes an event to every sink, in order, on the kernel thread.</summary>
public interface IEventPublisher
{
    void Publish(EngineEvent engineEvent);
}
