using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>
/// A strategy that wants to be warmed up from the store when the kernel swaps it in: the kernel reads the last
/// <see cref="WarmupCandles"/> stored candles of each of its series, on the kernel thread, and hands them over before
/// the strategy's first live candle.
/// </summary>
internal interface IStoreWarmUp
{
    /// <summary>Candles per (symbol, interval) series to replay; 0 for none.</summary>
    int WarmupCandles { get; }

    /// <summary>The stored candles to replay, oldest first (by close time).</summary>
    void Prime(IReadOnlyList<Candle> candles);
}
