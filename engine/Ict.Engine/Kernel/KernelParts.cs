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
    public bool HasRules(Symbol symbol) => RulesBySymbol.ContainsKey(symbol);

    public InstrumentRules Rules(Symbol symbol) => RulesBySymbol[symbol];
}

/// <summary>The risk manager in use.</summary>
internal sealed record RiskSlot(string Id, IRiskManager Manager, IPluginLogger Log);
