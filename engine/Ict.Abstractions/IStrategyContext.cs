namespace Ict.Abstractions;

/// <summary>What a strategy may see and do while it handles a candle. Valid only during that call.</summary>
public interface IStrategyContext
{
    /// <summary>Engine time: the close time of the candle being handled (simulated during replay).</summary>
    DateTimeOffset Now { get; }

    /// <summary>The engine's log, tagged with this strategy's id.</summary>
    IPluginLogger Log { get; }

    /// <summary>The open position on a symbol, if any.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <returns>The position, or <c>null</c> when flat.</returns>
    PositionView? GetPosition(Symbol symbol);

    /// <summary>Records a detected pattern or a change in its life (touches, fill, end).</summary>
    /// <param name="pattern">The pattern as it is now.</param>
    void ReportPattern(Pattern pattern);

    /// <summary>Raises an entry signal. The risk manager decides whether and how much to trade.</summary>
    /// <param name="signal">The signal.</param>
    void Signal(EntrySignal signal);

    /// <summary>
    /// Cancelled when this call overruns the engine's per-call time budget (paper and live trading): a strategy that
    /// can run long should check it and return. The engine faults the strategy either way; honouring the token lets
    /// its code finish and unload. Never cancelled in a backtest.
    /// </summary>
    CancellationToken Cancellation => CancellationToken.None;
}
