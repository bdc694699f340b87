namespace Ict.Engine.Kernel;

/// <summary>Event lag: how long after a candle closed (or, in a replay, was handed over) the kernel had handled it.</summary>
internal sealed partial class TradingKernel
{
    /// <summary>The lag of the last candle handled; null before the first.</summary>
    public TimeSpan? LastEventLag { get; private set; }

    /// <summary>The largest lag seen this run.</summary>
    public TimeSpan MaxEventLag { get; private set; }

    /// <summary>Called by the loop once a candle is handled, with the wall-clock distance to its close (or hand-over).</summary>
    public void ObserveEventLag(TimeSpan lag)
    {
        LastEventLag = lag;
        if (lag > MaxEventLag)
        {
            MaxEventLag = lag;
        }
    }
}
