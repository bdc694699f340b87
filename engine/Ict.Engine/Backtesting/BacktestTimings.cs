namespace Ict.Engine.Backtesting;

/// <summary>
/// Where a backtest's time went: the kernel loop over the candles (with the store's writes queued and partly written
/// by the background writer meanwhile), and the wait for the remaining writes at the end.
/// </summary>
public sealed record BacktestTimings(TimeSpan Kernel, TimeSpan Persist);
