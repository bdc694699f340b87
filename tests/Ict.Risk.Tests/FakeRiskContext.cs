using Ict.Abstractions;

namespace Ict.Risk.Tests;

/// <summary>A risk context whose account, day and positions a test sets directly.</summary>
internal sealed class FakeRiskContext : IRiskContext
{
    public static readonly Symbol Btc = new("BTCUSDT");

    public DateTimeOffset Now { get; set; } = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public AccountView Account { get; set; } = new("USDT", 10_000m, 10_000m, 10_000m, 10_000m);

    public DailyStatsView Today { get; set; } = new(new DateOnly(2024, 1, 1), 10_000m, 0m, 0, 0, 0);

    public List<PositionView> OpenPositions { get; } = [];

    public IReadOnlyList<PositionView> Positions => OpenPositions;

    public IPluginLogger Log { get; } = new NoLog();

    public InstrumentRules Rules { get; set; } = new(Btc, 0.1m, 0.001m, 0.001m, 5m, 20);

    public InstrumentRules GetRules(Symbol symbol) => Rules;

    /// <summary>What <see cref="AverageTrueRange"/> returns (null: not known yet).</summary>
    public decimal? Atr { get; set; }

    public decimal? AverageTrueRange(Symbol symbol) => Atr;

    public static PositionView Position(string symbol) =>
        new(new Symbol(symbol), PositionSide.Long, 1m, 100m, 90m, 120m, 1, DateTimeOffset.UnixEpoch, 100m, 0m, "s");

    private sealed class NoLog : IPluginLogger
    {
        public void Info(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Error(string message, Exception? exception = null)
        {
        }
    }
}
