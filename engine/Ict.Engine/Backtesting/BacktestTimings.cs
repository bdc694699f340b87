namespace Ict.Engine.Backtesting;

/// <summary>
/// Where a backtest's time went: the kernel loop over the candles (with the store's writes queued and partly written
/// by the background writer meanwhile), and the wait for the remaining writes at the end.
/// </summary>
/// <param name="Kernel">Time in the kernel loop.</param>
/// <param name="Persist">Time waiting for the remaining writes after the loop.</param>
/// <param name="KernelAllocatedBytes">Bytes the kernel thread allocated during the loop.</param>
public sealed record BacktestTimings(TimeSpan Kernel, TimeSpan Persist, long KernelAllocatedBytes)
{
    /// <summary>How long the store's background writer spent writing batches during the run (wall clock, on its own thread).</summary>
    public TimeSpan WriterBusy { get; init; }
}
