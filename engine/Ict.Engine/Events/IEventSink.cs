namespace Ict.Engine.Events;

/// <summary>Receives every event the kernel publishes, on the kernel thread, in order. Must be quick.</summary>
public interface IEventSink
{
    /// <summary>
    /// Whether this sink wants a CandleClosed event for every candle. The kernel creates those only when some sink
    /// does, so a backtest allocates nothing per candle when nothing happens.
    /// </summary>
    bool WantsCandleEvents => false;

    /// <summary>
    /// Whether this sink wants the pattern events (detected, updated). A sink that ignores them says no, and a sink
    /// that is an <see cref="IPatternObserver"/> gets direct calls instead, so the kernel creates pattern events only
    /// for sinks that read them.
    /// </summary>
    bool WantsPatternEvents => true;

    void Handle(EngineEvent engineEvent);
}
