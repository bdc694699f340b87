using Dapper;
using Ict.Abstractions;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Trading;

/// <summary>Daily counters per account: they roll over at 00:00 UTC (engine clock) and survive a restart mid-day.</summary>
public sealed class DailyCountersTests : IDisposable
{
    private const string Account = "testnet:USDT";
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 99m, 110m);
    private readonly TempDirectory _temp = new();

    private string Db => _temp.File("state.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_restart_mid_day_keeps_todays_loss_trade_count_and_losing_streak()
    {
        LoseOneTradeAt(0);

        var risk = new RecordingRisk();
        using var restarted = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], risk, databasePath: Db, account: Account);
        restarted.Kernel.OnCandle(Candle(40, 100m, 101m, 99.5m, 100m)); // 10:00 the same day

        var today = Assert.Single(risk.Seen);
        Assert.Equal(new DateOnly(2024, 1, 1), today.Day);
        Assert.Equal(-1m, today.RealizedPnl);
        Assert.Equal(1, today.TradesOpened);
        Assert.Equal(1, today.TradesClosed);
        Assert.Equal(1, today.ConsecutiveLosses);
        Assert.Equal(10_000m, today.StartEquity);
    }

    [Fact]
    public void The_counters_roll_over_at_midnight_utc_keeping_only_the_losing_streak()
    {
        var risk = new RecordingRisk();
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long, [3] = Long }))], risk, databasePath: Db, account: Account);
        harness.Kernel.OnCandle(Candle(93, 99m, 101m, 98m, 100m));   // 23:15, signal
        harness.Kernel.OnCandle(Candle(94, 100m, 100.5m, 98.5m, 99m)); // 23:30, fills at 100, stop 99: −1
        harness.Kernel.OnCandle(Candle(95, 99m, 99.5m, 98m, 99m));     // 23:45
        harness.Kernel.OnCandle(Candle(96, 99m, 100m, 98.5m, 99.5m));  // 00:00 next day: signal

        Assert.Equal(2, risk.Seen.Count);
        var before = risk.Seen[0];
        var after = risk.Seen[1];
        Assert.Equal(new DateOnly(2024, 1, 1), before.Day);
        Assert.Equal(new DateOnly(2024, 1, 2), after.Day);
        Assert.Equal(0m, after.RealizedPnl);
        Assert.Equal(0, after.TradesOpened);
        Assert.Equal(1, after.ConsecutiveLosses);
        Assert.Equal(9_999m, after.StartEquity);

        harness.Store.Commit();
        using var db = new SqliteConnection($"Data Source={Db};Pooling=False");
        var rows = db.Query<(string Day, string Pnl, long Opened)>("SELECT day, realized_pnl, trades_opened FROM account_daily_stats WHERE account = @Account ORDER BY day", new { Account })
            .Select(r => (r.Day, decimal.Parse(r.Pnl, System.Globalization.CultureInfo.InvariantCulture), r.Opened)).ToList();
        Assert.Equal([("2024-01-01", -1m, 1L), ("2024-01-02", 0m, 0L)], rows);
    }

    [Fact]
    public void A_restart_on_a_later_day_starts_a_fresh_day_but_keeps_the_losing_streak()
    {
        LoseOneTradeAt(0);

        var risk = new RecordingRisk();
        using var restarted = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], risk, databasePath: Db, account: Account);
        restarted.Kernel.OnCandle(Candle(100, 100m, 101m, 99.5m, 100m)); // 01:00 the next day

        var today = Assert.Single(risk.Seen);
        Assert.Equal(new DateOnly(2024, 1, 2), today.Day);
        Assert.Equal(0, today.TradesOpened);
        Assert.Equal(0m, today.RealizedPnl);
        Assert.Equal(1, today.ConsecutiveLosses);
    }

    [Fact]
    public void A_replay_without_an_account_starts_with_fresh_counters()
    {
        LoseOneTradeAt(0);

        var risk = new RecordingRisk();
        using var replay = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], risk, databasePath: Db);
        replay.Kernel.OnCandle(Candle(40, 100m, 101m, 99.5m, 100m));

        var today = Assert.Single(risk.Seen);
        Assert.Equal(0, today.TradesOpened);
        Assert.Equal(0, today.ConsecutiveLosses);
    }

    private void LoseOneTradeAt(int index)
    {
        using var first = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(1m), databasePath: Db, account: Account);
        first.Kernel.OnCandle(Candle(index, 99m, 101m, 98m, 100m));
        first.Kernel.OnCandle(Candle(index + 1, 100m, 100.5m, 98.5m, 99m)); // fills at 100, stop 99 hit: −1
        var trade = Assert.Single(first.Events.Of<Ict.Engine.Events.PositionClosed>()).Trade;
        Assert.Equal(-1m, trade.NetPnl);
    }

    private sealed class RecordingRisk : IRiskManager
    {
        public List<DailyStatsView> Seen { get; } = [];

        public RiskDecision Evaluate(EntrySignal signal, IRiskContext context)
        {
            Seen.Add(context.Today);
            return RiskDecision.Approve(1m);
        }
    }
}
