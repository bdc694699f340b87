using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Kernel;

public sealed class TradingKernelTests
{
    [Fact]
    public void Signal_FillsAtNextOpen_PlacesStopAndTarget_AndTheTargetClosesItAndCancelsTheStop()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal }))], new FixedQuantityRisk(2m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));   // signal on the close
        harness.Kernel.OnCandle(Candle(1, 101m, 104m, 100m, 103m)); // entry at 101; neither stop nor target
        harness.Kernel.OnCandle(Candle(2, 103m, 111m, 102m, 109m)); // target 110 reached

        var trade = Assert.Single(harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal(101m, trade.EntryPrice);
        Assert.Equal(110m, trade.ExitPrice);
        Assert.Equal(ExitReason.TakeProfit, trade.ExitReason);
        Assert.Equal(18m, trade.NetPnl); // (110 − 101) × 2, no fees configured
        Assert.Equal(10_018m, harness.Portfolio.Balance);

        var canceled = Assert.Single(harness.Events.Of<OrderCanceled>());
        Assert.Equal(OrderType.StopMarket, canceled.Order.Type);
        var placed = harness.Events.Of<OrderPlaced>().Select(o => (o.Order.Type, o.Order.ReduceOnly, o.Order.TriggerPrice)).ToList();
        Assert.Equal([(OrderType.Market, false, null), (OrderType.StopMarket, true, 95m), (OrderType.TakeProfitMarket, true, 110m)], placed);
    }

    [Fact]
    public void OrderIntent_IsCommittedBeforeTheVenueSeesIt()
    {
        var signal = new EntrySignal(Btc, PositionSide.Short, 100m, 105m, 90m);
        CommittedOrderSpy? spy = null;
        using var harness = new KernelHarness(
            [("s", new ScriptedStrategy(new() { [0] = signal }))],
            new FixedQuantityRisk(1m),
            wrapVenue: venue => spy = new CommittedOrderSpy(venue));
        spy!.DatabasePath = harness.DatabasePath;

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 102m, 99m, 101m)); // entry fills; stop and target are placed

        // Read from a second connection: it only sees what was committed when the venue was called.
        Assert.Equal(3, spy.Seen.Count);
        Assert.All(spy.Seen, seen => Assert.Equal("Intent", seen.StatusSeenByOtherConnection));
    }

    [Fact]
    public void StopLoss_ClosesTheShort_AndTheTradeRowHoldsEngineTimes()
    {
        var signal = new EntrySignal(Btc, PositionSide.Short, 100m, 105m, 90m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal }))], new FixedQuantityRisk(1m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 106m, 99m, 104m)); // entry at 100, stop 105 hit

        Assert.Equal(3, harness.Store.CountRows("orders", harness.RunId));
        var trade = Assert.Single(harness.Store.GetTrades(harness.RunId));
        Assert.Equal("StopLoss", trade.ExitReason);
        Assert.Equal(-5m, decimal.Parse(trade.NetPnl, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Candle(1, 0, 0, 0, 0).CloseTime.ToUnixTimeMilliseconds(), trade.ClosedTime);
    }

    [Fact]
    public void StopAndTargetInOneCandle_TheStopCloses_TheTargetIsCanceled_AndTradingGoesOn()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal, [3] = signal }))], new FixedQuantityRisk(1m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 101m, 99m, 100m));  // entry at 100
        harness.Kernel.OnCandle(Candle(2, 100m, 112m, 94m, 100m));  // reaches both 95 and 110: stop first
        harness.Kernel.OnCandle(Candle(3, 100m, 101m, 99m, 100m));  // a new signal is still handled
        harness.Kernel.OnCandle(Candle(4, 100m, 101m, 99m, 100m));  // and fills

        var trade = Assert.Single(harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal(ExitReason.StopLoss, trade.ExitReason);
        Assert.Equal(95m, trade.ExitPrice);
        var canceled = Assert.Single(harness.Events.Of<OrderCanceled>());
        Assert.Equal(OrderType.TakeProfitMarket, canceled.Order.Type);
        Assert.Equal(2, harness.Events.Of<PositionOpened>().Count());
        Assert.Empty(harness.Events.Of<EngineError>());
    }

    [Fact]
    public void SecondSignal_WhilePositionIsOpen_IsRejectedWithATypedReason()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 120m);
        var risk = new FixedQuantityRisk(1m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal, [1] = signal with { EntryPrice = 101m } }))], risk);

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 102m, 99m, 101m));

        var rejected = Assert.Single(harness.Events.Of<SignalRejected>());
        Assert.Equal(RejectionReason.PositionAlreadyOpen, rejected.Reason);
        Assert.Equal(1, risk.Calls); // the engine refused it before asking risk
    }

    [Fact]
    public void SignalWithStopOnTheWrongSide_IsRejectedAsInvalid()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 105m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal }))], new FixedQuantityRisk(1m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));

        Assert.Equal(RejectionReason.InvalidSignal, Assert.Single(harness.Events.Of<SignalRejected>()).Reason);
    }

    [Fact]
    public void QuantityBelowMinNotional_IsRejectedBeforeAnyOrder()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal }))], new FixedQuantityRisk(0.04m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));

        Assert.Equal(RejectionReason.MinNotional, Assert.Single(harness.Events.Of<SignalRejected>()).Reason);
        Assert.Empty(harness.Events.Of<OrderPlaced>());
    }

    [Fact]
    public void ThrowingStrategy_IsFaultedAlone_AndTheOtherKeepsTrading()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness(
            [("broken", new ThrowingStrategy()), ("good", new ScriptedStrategy(new() { [1] = signal }))],
            new FixedQuantityRisk(1m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(2, 100m, 101m, 99m, 100m));

        var faulted = Assert.Single(harness.Events.Of<PluginFaulted>());
        Assert.Equal("broken", faulted.PluginId);
        Assert.Contains("boom", faulted.Reason, StringComparison.Ordinal);
        Assert.True(harness.Slots[0].IsFaulted);
        Assert.Single(harness.Events.Of<PositionOpened>());
    }

    [Fact]
    public void EndOfData_ClosesWhatIsOpenAtTheLastClose()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal }))], new FixedQuantityRisk(1m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 104m, 99m, 103m));
        harness.Kernel.OnEndOfData(closePositions: true);

        var trade = Assert.Single(harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal(ExitReason.EndOfData, trade.ExitReason);
        Assert.Equal(103m, trade.ExitPrice);
        Assert.Equal(2, harness.Events.Of<OrderCanceled>().Count());
    }

    [Fact]
    public void DailyStats_RollOverAtMidnightUtc_WithThatMomentsEquity()
    {
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [94] = signal }))], new FixedQuantityRisk(1m));

        for (var i = 0; i < 97; i++)
        {
            // Candle 95 opens at 23:45, candle 96 at 00:00 of the next day; the entry fills at 23:45.
            harness.Kernel.OnCandle(Candle(i, 100m, i == 96 ? 111m : 101m, 99m, 100m));
        }

        Assert.Equal(2, harness.Store.CountRows("daily_stats", harness.RunId));
        Assert.Equal(1, harness.Statistics.Trades);
    }

    [Fact]
    public void OverrunningStrategy_IsFaulted_AndItsCancellationTokenIsCancelledSoItCanReturn()
    {
        var looping = new LoopingStrategy();
        using var harness = new KernelHarness([("slow", looping)], new FixedQuantityRisk(1m), callBudget: TimeSpan.FromMilliseconds(200));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));

        var faulted = Assert.Single(harness.Events.Of<PluginFaulted>());
        Assert.Contains("overran its time budget of 200 ms", faulted.Reason, StringComparison.Ordinal);
        Assert.True(looping.Returned.Wait(TimeSpan.FromSeconds(10)), "the strategy never returned");
        Assert.True(looping.SawCancellation, "it returned by its own deadline, not because the token was cancelled");
    }

    [Fact]
    public void InlineCalls_GetATokenThatIsNeverCancelled()
    {
        var looping = new LoopingStrategy { Deadline = TimeSpan.FromMilliseconds(50) };
        using var harness = new KernelHarness([("slow", looping)], new FixedQuantityRisk(1m));

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));

        Assert.False(looping.SawCancellation);
        Assert.Empty(harness.Events.Of<PluginFaulted>());
    }

    /// <summary>Spins until its token is cancelled or its own deadline passes, then says which.</summary>
    private sealed class LoopingStrategy : IStrategy
    {
        public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(10);

        public ManualResetEventSlim Returned { get; } = new();

        public bool SawCancellation { get; private set; }

        public void OnCandle(Candle candle, IStrategyContext context)
        {
            var started = TimeProvider.System.GetTimestamp();
            while (!context.Cancellation.IsCancellationRequested && TimeProvider.System.GetElapsedTime(started) < Deadline)
            {
                Thread.SpinWait(1000);
            }

            SawCancellation = context.Cancellation.IsCancellationRequested;
            Returned.Set();
        }
    }

    private sealed class ThrowingStrategy : IStrategy
    {
        public void OnCandle(Candle candle, IStrategyContext context) => throw new InvalidOperationException("boom");
    }
}
