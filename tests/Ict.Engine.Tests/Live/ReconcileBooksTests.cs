using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Live;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Live;

/// <summary>
/// A restart that adopts a position: the second run starts from the exchange wallet, which already paid the entry fee
/// (and, for a position closed while the engine was down, already holds the trade's result). Its books must agree with
/// the first run's, not charge those amounts again. Two kernels share one real SQLite file, as two runs do.
/// </summary>
public sealed class ReconcileBooksTests
{
    private const decimal EntryFee = 0.4m;
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m);

    [Fact]
    public void Restart_AdoptingAnOpenPosition_KeepsTheFirstRunsBalanceAndEquity()
    {
        using var first = new Run(new() { [0] = Long });
        first.OpenPosition(fee: EntryFee);
        first.Harness.Portfolio.MarkToMarket(Btc, 104m);
        Assert.Equal(10_000m - EntryFee, first.Harness.Portfolio.Balance); // the fee was paid once, in the first run

        // The exchange's wallet after the first run: the starting wallet minus the entry fee it charged.
        using var second = new Run([], first.Harness.DatabasePath, startingBalance: 10_000m - EntryFee);
        second.Reconcile(plan => plan.Positions.AddRange(second.Harness.Store.OpenPositionsBefore(second.Harness.RunId, "paper")));
        second.Harness.Portfolio.MarkToMarket(Btc, 104m);

        Assert.Single(second.Harness.Portfolio.Positions);
        Assert.Equal(first.Harness.Portfolio.Balance, second.Harness.Portfolio.Balance);
        Assert.Equal(first.Harness.Portfolio.Equity, second.Harness.Portfolio.Equity);
        Assert.Equal(10_000m - EntryFee + (2m * 4m), second.Harness.Portfolio.Equity);
    }

    [Fact]
    public void Restart_AdoptedPositionClosingInTheNewRun_RecordsBothFeesAndChargesOnlyTheExit()
    {
        using var first = new Run(new() { [0] = Long });
        first.OpenPosition(fee: EntryFee);
        using var second = new Run([], first.Harness.DatabasePath, startingBalance: 10_000m - EntryFee);
        second.Reconcile(plan => plan.Positions.AddRange(second.Harness.Store.OpenPositionsBefore(second.Harness.RunId, "paper")));
        var target = second.Drain().Cast<PlaceCommand>().Single(c => c.Order.Type == OrderType.TakeProfitMarket).Order.ClientOrderId;

        second.Harness.Kernel.OnVenue(new VenueExecuted(target, 2m, 110m, 0.3m, T0.AddMinutes(40)));

        var trade = Assert.Single(second.Harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal((20m, 0.7m, 19.3m), (trade.GrossPnl, trade.Fees, trade.NetPnl)); // (110 - 100) × 2, entry 0.4 + exit 0.3
        // The whole round trip, across both runs, moved the wallet by the trade's net result, no more.
        Assert.Equal(10_000m + 19.3m, second.Harness.Portfolio.Balance);
    }

    [Fact]
    public void Restart_PositionClosedWhileDown_RecordsTheTradeWithoutMovingTheWallet()
    {
        using var first = new Run(new() { [0] = Long });
        first.OpenPosition(fee: EntryFee);
        var carried = first.Harness.Store.OpenPositionsBefore(first.Harness.RunId + 1, "paper").Single();
        var target = first.Harness.Store.WorkingOrdersBefore(first.Harness.RunId + 1, "paper").Single(o => o.Role == "take_profit");

        // The take-profit fired on the exchange while the engine was down: the wallet holds the whole trade already.
        var wallet = 10_000m - EntryFee + 20m;
        using var second = new Run([], first.Harness.DatabasePath, startingBalance: wallet);
        second.Reconcile(plan => plan.ClosedWhileAway.Add((carried, target, 2m, 110m, 0.3m, T0.AddMinutes(40))));

        var trade = Assert.Single(second.Harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal((ExitReason.TakeProfit, 20m, 0.7m), (trade.ExitReason, trade.GrossPnl, trade.Fees)); // entry 0.4 + the exit's 0.3 from its trades
        Assert.Empty(second.Harness.Portfolio.Positions);
        Assert.Equal(wallet, second.Harness.Portfolio.Balance);
    }

    [Fact]
    public void Restart_PositionGoneWithNoExitOfOurs_RecordsAFlaggedTradeAtTheEstimatedExitWithoutMovingTheWallet()
    {
        using var first = new Run(new() { [0] = Long });
        first.OpenPosition(fee: EntryFee);
        var carried = first.Harness.Store.OpenPositionsBefore(first.Harness.RunId + 1, "paper").Single();

        // Closed by hand on the exchange while the engine was down; the last 1m close there was 103.
        var wallet = 10_000m - EntryFee + 5m;
        using var second = new Run([], first.Harness.DatabasePath, startingBalance: wallet);
        second.Reconcile(plan => plan.ClosedElsewhere.Add((carried, 103m, T0.AddMinutes(50))));

        var trade = Assert.Single(second.Harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal((ExitReason.Manual, 103m, 6m, 0.4m, T0.AddMinutes(50)), (trade.ExitReason, trade.ExitPrice, trade.GrossPnl, trade.Fees, trade.ClosedAt));
        Assert.Empty(second.Harness.Portfolio.Positions);
        Assert.Equal(wallet, second.Harness.Portfolio.Balance); // the wallet holds the real result, whatever it was
        Assert.Empty(second.Drain()); // nothing sent to the exchange

        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={second.Harness.DatabasePath};Mode=ReadOnly;Pooling=False");
        Assert.Equal((second.Harness.RunId, "103", "Manual", 1L), Dapper.SqlMapper.QuerySingle<(long, string, string, long)>(db,
            "SELECT run_id, exit_price, exit_reason, exit_estimated FROM trades"));
        Assert.Equal([(first.Harness.RunId, "carried"), (second.Harness.RunId, "closed")],
            Dapper.SqlMapper.Query<(long, string)>(db, "SELECT run_id, status FROM positions ORDER BY id").ToList());
        Assert.Equal(0L, Dapper.SqlMapper.QuerySingle<long>(db, "SELECT COUNT(*) FROM orders WHERE run_id = @run", new { run = second.Harness.RunId }));
    }

    [Fact]
    public void Restart_PositionClosedByItsOwnTakeProfit_IsNotFlaggedAsEstimated()
    {
        using var first = new Run(new() { [0] = Long });
        first.OpenPosition(fee: EntryFee);
        var carried = first.Harness.Store.OpenPositionsBefore(first.Harness.RunId + 1, "paper").Single();
        var target = first.Harness.Store.WorkingOrdersBefore(first.Harness.RunId + 1, "paper").Single(o => o.Role == "take_profit");
        using var second = new Run([], first.Harness.DatabasePath, startingBalance: 10_000m);
        second.Reconcile(plan => plan.ClosedWhileAway.Add((carried, target, 2m, 110m, 0m, T0.AddMinutes(40))));

        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={second.Harness.DatabasePath};Mode=ReadOnly;Pooling=False");
        Assert.Equal(("TakeProfit", 0L), Dapper.SqlMapper.QuerySingle<(string, long)>(db, "SELECT exit_reason, exit_estimated FROM trades"));
    }

    [Fact]
    public void Restart_EntryThatFilledWhileDown_KeepsItsExchangeFeeWithoutChargingTheWalletAgain()
    {
        using var first = new Run(new() { [0] = Long });
        first.SendEntry(); // the intent is committed and sent; the engine dies before the fill reaches it
        var entry = first.Harness.Store.WorkingOrdersBefore(first.Harness.RunId + 1, "paper").Single(o => o.Role == "entry");

        // The exchange filled it at 100 and charged 0.4: the wallet the second run starts from has paid that already.
        using var second = new Run([], first.Harness.DatabasePath, startingBalance: 10_000m - EntryFee);
        second.Reconcile(plan => plan.FilledEntries.Add((entry, 2m, 100m, EntryFee, T0.AddMinutes(16))));

        Assert.Equal(10_000m - EntryFee, second.Harness.Portfolio.Balance);
        var target = second.Drain().Cast<PlaceCommand>().Single(c => c.Order.Type == OrderType.TakeProfitMarket).Order.ClientOrderId;
        second.Harness.Kernel.OnVenue(new VenueExecuted(target, 2m, 110m, 0.3m, T0.AddMinutes(40)));

        var trade = Assert.Single(second.Harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal((20m, 0.7m, 19.3m), (trade.GrossPnl, trade.Fees, trade.NetPnl));
        Assert.Equal(10_000m + 19.3m, second.Harness.Portfolio.Balance); // the round trip moved the wallet by its net result once
    }

    private sealed class Run : IDisposable
    {
        private BinanceVenue? _venue;

        public Run(Dictionary<int, EntrySignal> signals, string? databasePath = null, decimal startingBalance = 10_000m)
        {
            Harness = new KernelHarness([("s", new ScriptedStrategy(signals))], new FixedQuantityRisk(2m),
                wrapVenue: _ => _venue = new BinanceVenue(_ => 100m), databasePath: databasePath, startingBalance: startingBalance);
        }

        public KernelHarness Harness { get; }

        /// <summary>Signals on the first candle; the exchange fills the entry at 100 with this fee.</summary>
        public void OpenPosition(decimal fee)
        {
            Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
            var entry = ((PlaceCommand)Drain().Single()).Order.ClientOrderId;
            Harness.Kernel.OnVenue(new VenueExecuted(entry, 2m, 100m, fee, T0.AddMinutes(16)));
            Drain();
        }

        /// <summary>Signals on the first candle; the entry is sent and nothing more is heard of it.</summary>
        public void SendEntry()
        {
            Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
            Assert.IsType<PlaceCommand>(Drain().Single());
        }

        public void Reconcile(Action<ReconcilePlan> fill)
        {
            var plan = new ReconcilePlan("paper");
            fill(plan);
            var done = new TaskCompletionSource<string>();
            Harness.Kernel.OnReconcile(new ReconcileInput(plan, done));
            Assert.True(done.Task.IsCompletedSuccessfully);
        }

        public List<VenueCommand> Drain()
        {
            var commands = new List<VenueCommand>();
            while (_venue!.Commands.TryRead(out var command))
            {
                commands.Add(command);
            }

            return commands;
        }

        public void Dispose() => Harness.Dispose();
    }
}
