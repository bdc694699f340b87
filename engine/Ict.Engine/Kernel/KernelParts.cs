using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.State;
using Ict.Engine.Trading;

namespace Ict.Engine.Kernel;

/// <summary>The kernel's collaborators, wired once per run.</summary>
internal sealed record KernelParts(
    StateStore Store,
    long RunId,
    ReplayClock Clock,
    Portfolio Portfolio,
    DailyStatsTracker Daily,
    OrderManager Orders,
    EntryFill EntryFill,
    IReadOnlyDictionary<Symbol, InstrumentRules> RulesBySymbol,
    RunStatistics Statistics)
{
    /// <summary>Store every candle (off for backtests: the candles are in their files).</summary>
    public bool RecordCandles { get; init; } = true;

    /// <summary>
    /// Write every pattern change to the store as it happens. A backtest keeps the latest state of each pattern in
    /// memory instead and writes them once at the end (see <see cref="Backtesting.BacktestRecorder"/>).
    /// </summary>
    public bool PersistPatternChanges { get; init; } = true;

    /// <summary>Funding rates to charge open positions, when a funding series was given.</summary>
    public Market.FundingSchedule? Funding { get; init; }

    public bool HasRules(Symbol symbol) => RulesBySymbol.ContainsKey(symbol);

    public InstrumentRules Rules(Symbol symbol) => RulesBySymbol[symbol];
}

/// <summary>The risk manager in use.</summary>
internal sealed record RiskSlot(string Id, IRiskManager Manager, IPluginLogger Log);
