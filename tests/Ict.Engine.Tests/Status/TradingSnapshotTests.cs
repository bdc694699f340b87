using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Status;

public sealed class TradingSnapshotTests
{
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m) { Reason = "test long" };

    [Fact]
    public void A_snapshot_shows_the_open_position_its_stop_and_target_orders_and_the_signal_that_opened_it()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(2m));
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 104m, 99m, 103m)); // fills at the open, 100; marked at 103

        var snapshot = harness.Kernel.TakeSnapshot();

        var position = Assert.Single(snapshot.Positions);
        Assert.Equal((PositionSide.Long, 2m, 100m, 95m, 110m, 103m, 6m), (position.Side, position.Quantity, position.EntryPrice, position.StopLoss, position.TakeProfit, position.MarkPrice, position.UnrealizedPnl));
        Assert.Equal([OrderType.StopMarket, OrderType.TakeProfitMarket], snapshot.Orders.Select(o => o.Type).Order());
        Assert.All(snapshot.Orders, o => Assert.True(o.ReduceOnly));
        Assert.Equal(10_006m, snapshot.Equity); // no fees in the harness: 10,000 + 2 × (103 − 100)
        Assert.Equal(6m, snapshot.TodayPnl);
        Assert.Equal(1, snapshot.TradesToday);
        var signal = Assert.Single(snapshot.Signals);
        Assert.Equal(("s", "BTCUSDT", "long"), (signal.Source, signal.Symbol, signal.Kind));
        Assert.Contains("test long", signal.Text, StringComparison.Ordinal);
        Assert.Equal(T0.AddMinutes(30), snapshot.EngineTime);
        Assert.Equal((1L, 0L), (snapshot.Counters.Signals, snapshot.Counters.RejectedSignals));
        Assert.Equal(3, snapshot.Counters.OrdersPlaced); // entry, stop, target
    }

    [Fact]
    public void Pausing_refuses_new_entries_with_TradingPaused_and_resuming_allows_them_again()
    {
        var risk = new FixedQuantityRisk(1m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long, [1] = Long }))], risk);

        harness.Kernel.OnPause(new PauseInput(true, "operator"));
        Assert.True(harness.Kernel.TakeSnapshot().TradingPaused);
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnPause(new PauseInput(false, "operator"));
        harness.Kernel.OnCandle(Candle(1, 99m, 101m, 98m, 100m));

        var rejected = Assert.Single(harness.Events.Of<SignalRejected>());
        Assert.Equal(RejectionReason.TradingPaused, rejected.Reason);
        Assert.Equal(1, risk.Calls); // only the signal after the resume reached the risk manager
        Assert.Equal([true, false], harness.Events.Of<TradingPauseChanged>().Select(e => e.Paused));
        var snapshot = harness.Kernel.TakeSnapshot();
        Assert.False(snapshot.TradingPaused);
        Assert.Equal(1, snapshot.Counters.RejectionsByReason["TradingPaused"]);
        Assert.Equal(["long", "long rejected"], snapshot.Signals.Select(s => s.Kind)); // newest first, one row per signal
    }

    [Fact]
    public void Closing_a_position_by_hand_exits_at_the_last_price_with_reason_Manual_and_cancels_its_stop_and_target()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(1m));
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 104m, 99m, 102m));

        harness.Kernel.OnClosePosition(new ClosePositionInput(Btc, "operator"));

        var trade = Assert.Single(harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal((ExitReason.Manual, 102m, 2m), (trade.ExitReason, trade.ExitPrice, trade.NetPnl));
        Assert.Equal(2, harness.Events.Of<OrderCanceled>().Count());
        var snapshot = harness.Kernel.TakeSnapshot();
        Assert.Empty(snapshot.Positions);
        Assert.Empty(snapshot.Orders);
        Assert.Equal(10_002m, snapshot.Balance);
    }

    [Fact]
    public void Closing_a_symbol_without_a_position_is_reported_and_changes_nothing()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy([]))], new FixedQuantityRisk(1m));
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));

        harness.Kernel.OnClosePosition(new ClosePositionInput(Btc, "operator"));

        var error = Assert.Single(harness.Events.Of<EngineError>());
        Assert.Contains("no open position on BTCUSDT", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Events.Of<OrderPlaced>());
        Assert.Equal("error", harness.Kernel.TakeSnapshot().LastError?.Kind);
    }
}
