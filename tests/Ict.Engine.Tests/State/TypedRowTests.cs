using Dapper;
using Ict.Abstractions;
using Ict.Engine.State;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.Tests.State;

/// <summary>
/// Pattern, daily and run-account rows are queued as typed rows whose decimals the background writer formats itself:
/// the file must hold the same texts either way, trailing zeros included, as an immediate (Dapper) write stores.
/// </summary>
public sealed class TypedRowTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(StoreWriteMode.Immediate)]
    [InlineData(StoreWriteMode.Deferred)]
    public void Rows_StoreDecimalsAsTheirInvariantTexts_AndTheDayAsIsoDate(StoreWriteMode mode)
    {
        var path = Path.Combine(_temp.Path, $"{mode}.db");
        using (var store = StateStore.Open(path))
        {
            var runId = store.StartRun("paper", "test", "sha", "USDT", 10_000m);
            store.WriteMode = mode;
            store.Begin();
            var pattern = new Pattern("fvg:BTCUSDT:15m:1:bearish", PatternKind.FairValueGap, Direction.Bearish, new Symbol("BTCUSDT"), Interval.Parse("15m"), 42412.50m, -0.000100m, T0, T0.AddMinutes(15))
            {
                Touches = 3,
                FilledPercent = 37.5000m,
                State = PatternState.Invalidated,
                EndReason = "filled",
                EndedTime = T0.AddMinutes(45),
            };
            store.UpsertFinalPattern(runId, "ict.ob-fvg", pattern);
            store.UpsertDailyStats(runId, new DailyStatsView(new DateOnly(2024, 3, 9), 10000.50m, -5.04490970m, 1, 2, 3));
            store.UpdateRunAccount(runId, 9999.1200m, 10015.03212430m, T0, T0.AddMinutes(45));
            store.Commit();
            store.Flush();
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        Assert.Equal(
            "fvg:BTCUSDT:15m:1:bearish|FairValueGap|Bearish|BTCUSDT|15m|42412.50|-0.000100|1704067200000|1704068100000|3|37.5000|Invalidated|1704069900000|filled|text",
            Row(db, "SELECT pattern_id, kind, direction, symbol, interval, top, bottom, pattern_time, detected_time, touches, filled_percent, state, ended_time, end_reason, typeof(top) FROM patterns"));
        Assert.Equal("2024-03-09|10000.50|-5.04490970|1|2|3", Row(db, "SELECT day, start_equity, realized_pnl, trades_opened, trades_closed, consecutive_losses FROM daily_stats"));
        Assert.Equal("9999.1200|10015.03212430|1704067200000|1704069900000", Row(db, "SELECT balance, peak_equity, first_candle_time, last_candle_time FROM runs"));
    }

    [Fact]
    public void Deferred_RowsWhoseTextsOverflowTheWritersBuffer_AreStoredWhole()
    {
        // The writer encodes a row's texts into a 64 KiB buffer; what does not fit is handed to SQLite to copy. Two
        // 10,920-character ids of 3-byte characters leave 16 bytes for the rest of the row, and a 30,000-character id
        // is larger than the whole buffer.
        var path = Path.Combine(_temp.Path, "long.db");
        var strategy = new string('€', 10_920);
        var longIds = new[] { new string('€', 10_920), new string('ü', 30_000) };
        using (var store = StateStore.Open(path))
        {
            var runId = store.StartRun("paper", "test", "sha", "USDT", 10_000m);
            store.WriteMode = StoreWriteMode.Deferred;
            foreach (var id in longIds)
            {
                // An empty end reason comes last, when (for the first id) the buffer has one byte left: still '', not NULL.
                store.UpsertFinalPattern(runId, strategy, new Pattern(id, PatternKind.OrderBlock, Direction.Bullish, new Symbol("BTCUSDT"), Interval.Parse("15m"), 42412.50m, 42400.10m, T0, T0) { FilledPercent = 12.5m, EndReason = "" });
            }

            store.Flush();
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        foreach (var id in longIds)
        {
            using var command = db.CreateCommand();
            command.CommandText = "SELECT strategy_id, top, bottom, filled_percent, typeof(end_reason), end_reason FROM patterns WHERE pattern_id = @id";
            command.Parameters.AddWithValue("@id", id);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(strategy, reader.GetString(0));
            Assert.Equal("42412.50|42400.10|12.5|text|", $"{reader.GetString(1)}|{reader.GetString(2)}|{reader.GetString(3)}|{reader.GetString(4)}|{reader.GetString(5)}");
        }
    }

    [Fact]
    public void Deferred_ASecondWriteOfTheSameDay_ReplacesTheQueuedOne()
    {
        var path = Path.Combine(_temp.Path, "coalesced.db");
        using (var store = StateStore.Open(path))
        {
            var runId = store.StartRun("paper", "test", "sha", "USDT", 10_000m);
            store.WriteMode = StoreWriteMode.Deferred;
            var day = new DateOnly(2024, 3, 9);
            store.UpsertDailyStats(runId, new DailyStatsView(day, 100m, 0m, 0, 0, 0));
            store.UpsertDailyStats(runId, new DailyStatsView(day.AddDays(1), 101m, 0m, 0, 0, 0));
            store.UpsertDailyStats(runId, new DailyStatsView(day, 100m, 7.5m, 1, 1, 0));
            store.Flush();
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        Assert.Equal("2024-03-09|7.5|1", Row(db, "SELECT day, realized_pnl, trades_closed FROM daily_stats WHERE day = '2024-03-09'"));
        Assert.Equal("2", Row(db, "SELECT COUNT(*) FROM daily_stats"));
    }

    [Fact]
    public void Deferred_BatchesAreWrittenInOrder_SoTheLastUpsertOfADayWins()
    {
        var path = Path.Combine(_temp.Path, "ordered.db");
        var day = new DateOnly(2024, 3, 9);
        using (var store = StateStore.Open(path))
        {
            var runId = store.StartRun("paper", "test", "sha", "USDT", 10_000m);
            store.WriteMode = StoreWriteMode.Deferred;
            for (var batch = 1; batch <= 4; batch++)
            {
                // Each round is more than one batch (4096 writes), so the same day's rows land in different batches.
                store.UpsertDailyStats(runId, new DailyStatsView(day, 100m, batch, batch, 0, 0));
                QueueOtherDays(store, runId, 5000 * batch);
                store.Commit();
            }

            store.Flush();
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        Assert.Equal("4|4", Row(db, "SELECT realized_pnl, trades_opened FROM daily_stats WHERE day = '2024-03-09'"));
        Assert.Equal("20001", Row(db, "SELECT COUNT(*) FROM daily_stats"));
    }

    [Fact]
    public void Deferred_AFailedBatch_FailsTheFlush_NothingQueuedAfterItIsWritten_AndLaterCommitsFail()
    {
        var path = Path.Combine(_temp.Path, "failed.db");
        var store = StateStore.Open(path);
        var runId = store.StartRun("paper", "test", "sha", "USDT", 10_000m);
        store.WriteMode = StoreWriteMode.Deferred;

        // Another connection holds the write lock, so the writer waits (busy timeout) with the first batch while the
        // second one is queued behind it: the second is handed over before anyone can know the first will fail.
        using var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
        blocker.Open();
        blocker.Execute("BEGIN IMMEDIATE");
        var signal = new EntrySignal(new Symbol("BTCUSDT"), PositionSide.Long, 100m, 99m, 102m) { Reason = "test" };
        store.InsertSignal(runId, "sig-1", "ict.ob-fvg", signal, T0);
        store.InsertSignal(runId, "sig-1", "ict.ob-fvg", signal, T0); // the same signal id twice: UNIQUE fails
        QueueOtherDays(store, runId, 5000);
        store.Commit(); // the failing batch goes to the writer
        store.UpsertDailyStats(runId, new DailyStatsView(new DateOnly(2024, 3, 9), 100m, 0m, 0, 0, 0));
        QueueOtherDays(store, runId, 10_000);
        store.Commit(); // queued behind the failing batch
        blocker.Execute("ROLLBACK");

        var error = Assert.Throws<SqliteException>(store.Flush);
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        QueueOtherDays(store, runId, 20_000);
        Assert.Throws<SqliteException>(store.Commit); // once a batch failed, the next hand-over says so
        Assert.Throws<SqliteException>(store.Dispose); // and so does closing

        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        Assert.Equal("0", Row(db, "SELECT COUNT(*) FROM signals"));
        Assert.Equal("0", Row(db, "SELECT COUNT(*) FROM daily_stats"));
    }

    [Fact]
    public void Deferred_DecisionsAndStatusChangesFoldedIntoQueuedInserts_LeaveTheSameRowsAsImmediateUpdates()
    {
        Assert.Equal(SignalsAndOrders(StoreWriteMode.Immediate), SignalsAndOrders(StoreWriteMode.Deferred));
    }

    private string SignalsAndOrders(StoreWriteMode mode)
    {
        var path = Path.Combine(_temp.Path, $"decisions-{mode}.db");
        var btc = new Symbol("BTCUSDT");
        using (var store = StateStore.Open(path))
        {
            var runId = store.StartRun("paper", "test", "sha", "USDT", 10_000m);
            store.WriteMode = mode;
            store.Begin();
            var signal = new EntrySignal(btc, PositionSide.Long, 100.50m, 99.00m, 103.25m) { Reason = "ob retest" };
            store.InsertSignal(runId, "approved-1", "ict.ob-fvg", signal, T0);
            store.RecordSignalDecision(runId, "approved-1", RiskDecision.Approve(0.125m, 7, "sized"));
            store.InsertSignal(runId, "rejected-1", "ict.ob-fvg", signal with { Side = PositionSide.Short }, T0);
            store.RecordSignalDecision(runId, "rejected-1", RiskDecision.Reject(RejectionReason.MaxDailyTrades, "3 of 3"));
            var entry = new OrderView("ict-a-en", btc, OrderSide.Buy, OrderType.Market, 0.125m, null, false, OrderStatus.New, T0, T0);
            var stop = new OrderView("ict-a-sl", btc, OrderSide.Sell, OrderType.StopMarket, 0.125m, 99.00m, true, OrderStatus.New, T0, T0);
            store.InsertOrder(runId, "approved-1", "entry", entry);
            store.InsertOrder(runId, "approved-1", "stop_loss", stop, T0.AddSeconds(1));
            store.UpdateOrderStatus(runId, "ict-a-en", OrderStatus.Filled, T0.AddMinutes(15));
            store.UpdateOrderStatus(runId, "ict-a-sl", OrderStatus.Canceled, T0.AddMinutes(30), "position closed");
            store.UpdateOrderStatus(runId, "ict-a-sl", OrderStatus.Canceled, T0.AddMinutes(45)); // no reason: the first one stays
            Assert.Equal(mode == StoreWriteMode.Deferred ? 4 : 0, store.QueuedWrites); // deferred: four inserts, no UPDATE queued
            store.Commit();
            store.Flush(); // from here the inserts are in the file: changes are UPDATEs in both modes
            store.Begin();
            store.InsertSignal(runId, "late-1", "ict.ob-fvg", signal, T0.AddHours(1));
            store.Commit();
            store.Flush();
            store.Begin();
            store.RecordSignalDecision(runId, "late-1", RiskDecision.Reject(RejectionReason.DailyLossLimit, "venue refused"));
            store.UpdateOrderStatus(runId, "ict-a-en", OrderStatus.Canceled, T0.AddHours(2), "late");
            store.Commit();
            store.Flush();
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        var signals = Rows(db, "SELECT signal_id, side, entry_price, reason, decision, rejection_reason, detail, quantity, leverage, run_id, strategy_id, symbol, stop_loss, take_profit, confidence, pattern_ids, time FROM signals ORDER BY id");
        var orders = Rows(db, "SELECT client_order_id, role, type, trigger_price, reduce_only, status, status_reason, updated_time, run_id, signal_id, symbol, side, quantity, created_time, intent_wall_utc, exchange_order_id, acknowledged_time FROM orders ORDER BY id");
        Assert.Equal(3, signals.Split('\n').Length);
        Assert.Contains("approved-1|Long|100.50|ob retest|approved|NULL|sized|0.125|7", signals, StringComparison.Ordinal);
        Assert.Contains("ict-a-sl|stop_loss|StopMarket|99.00|1|Canceled|position closed|1704069900000", orders, StringComparison.Ordinal);
        return signals + "\n" + orders;
    }

    private static string Rows(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join("\n", rows);
    }

    private static void QueueOtherDays(StateStore store, long runId, int from)
    {
        for (var i = 0; i < 5000; i++)
        {
            store.UpsertDailyStats(runId, new DailyStatsView(new DateOnly(2030, 1, 1).AddDays(from + i), 1m, 0m, 0, 0, 0));
        }
    }

    private static string Row(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
