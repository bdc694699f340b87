using Ict.Engine.Market;

namespace Ict.Engine;

/// <summary>How one engine run differs from what engine.json says.</summary>
public sealed record EngineRunOptions
{
    /// <summary>Candle files to use instead of the config's replay files.</summary>
    public IReadOnlyList<ReplaySource>? Sources { get; init; }

    /// <summary>Funding files to use instead of the config's (symbol, path).</summary>
    public IReadOnlyList<(Abstractions.Symbol Symbol, string Path)>? Funding { get; init; }

    /// <summary>
    /// A backtest: no notifiers, no per-event log lines, candles not copied into the store, pattern events not
    /// journaled (the patterns table still has every pattern), and a recorder for the metrics.
    /// </summary>
    public bool Backtest { get; init; }

    /// <summary>Where testnet/live trades instead of the config's URLs and keys (the built-in FakeBinance demo, tests).</summary>
    public Live.ExchangeEndpoint? Exchange { get; init; }

    /// <summary>Candles the backtest will see, to size the thinned equity curve.</summary>
    public long ExpectedCandles { get; init; } = 100_000;
}
