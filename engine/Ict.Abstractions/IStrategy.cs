namespace Ict.Abstractions;

/// <summary>
/// A trading strategy. The engine calls <see cref="OnCandle"/> once per closed candle of each configured symbol,
/// in time order, on its single kernel thread: a strategy needs no locks. It reports what it sees through the
/// context and may raise entry signals. It must not use a candle after the one it is given (it cannot: it is
/// only ever given closed candles, one at a time).
/// </summary>
public interface IStrategy
{
    /// <summary>Handles one closed candle.</summary>
    /// <param name="candle">The candle that just closed.</param>
    /// <param name="context">The engine, as the strategy may see and use it during this call.</param>
    void OnCandle(Candle candle, IStrategyContext context);
}
