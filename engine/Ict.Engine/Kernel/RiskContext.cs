using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>The context handed to the risk manager for one decision.</summary>
internal sealed class RiskContext(
    DateTimeOffset now,
    AccountView account,
    DailyStatsView today,
    IReadOnlyList<PositionView> positions,
    IPluginLogger log,
    Func<Symbol, InstrumentRules> rules,
    Func<Symbol, decimal?> averageTrueRange) : IRiskContext
{
    public DateTimeOffset Now { get; } = now;

    public AccountView Account { get; } = account;

    public DailyStatsView Today { get; } = today;

    public IReadOnlyList<PositionView> Positions { get; } = positions;

    public IPluginLogger Log { get; } = log;

    public InstrumentRules GetRules(Symbol symbol) => rules(symbol);

    public decimal? AverageTrueRange(Symbol symbol) => averageTrueRange(symbol);
}
