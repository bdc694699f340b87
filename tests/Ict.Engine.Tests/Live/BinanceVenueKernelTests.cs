using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Live;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Live;

/// <summary>
/// The kernel with the asynchronous Binance venue, fed the inputs the order sender and the user-data stream would
/// write. Nothing here touches a network: the venue's queued commands are read back directly.
/// </summary>
public sealed class BinanceVenueKernelTests
{
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m);

    [Fact]
    public void Binance_Entry_IsQueuedNotFilled_AndItsExecutionPlacesAlgoStopAndTarget()
    {
        using var rig = new Rig(new() { [0] = Long });

        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));

        var entry = Assert.IsType<PlaceCommand>(Assert.Single(rig.Drain())).Order;
        Assert.Equal((OrderType.Market, OrderSide.Buy, false), (entry.Type, entry.Side, entry.ReduceOnly));
        Assert.EndsWith("-en", entry.ClientOrderId, StringComparison.Ordinal);
        Assert.Empty(rig.Harness.Portfolio.Positions); // nothing fills until the exchange says so

        rig.Harness.Kernel.OnVenue(new VenueExecuted(entry.ClientOrderId, 2m, 100.5m, 0.1m, T0.AddMinutes(16)));

        var position = Assert.Single(rig.Harness.Portfolio.Positions);
        Assert.Equal((2m, 100.5m), (position.Quantity, position.EntryPrice));
        var legs = rig.Drain().Cast<PlaceCommand>().Select(c => (c.Order.Type, c.Order.Side, c.Order.TriggerPrice, c.Order.ReduceOnly, c.Order.ClientOrderId[^3..])).ToList();
        Assert.Equal([(OrderType.StopMarket, OrderSide.Sell, 95m, true, "-sl"), (OrderType.TakeProfitMarket, OrderSide.Sell, 110m, true, "-tp")], legs);
    }

    [Fact]
    public void Binance_ExecutionReportedTwice_IsAppliedOnce()
    {
        using var rig = new Rig(new() { [0] = Long });
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
        var id = ((PlaceCommand)rig.Drain().Single()).Order.ClientOrderId;
        var fill = new VenueExecuted(id, 2m, 100m, 0m, T0.AddMinutes(16));

        rig.Harness.Kernel.OnVenue(fill);
        rig.Drain();
        rig.Harness.Kernel.OnVenue(fill); // the same report again (stream, then REST after a gap)

        Assert.Empty(rig.Drain());
        Assert.Single(rig.Harness.Events.Of<PositionOpened>());
        Assert.Single(rig.Harness.Portfolio.Positions);
    }

    [Fact]
    public void Binance_TakeProfitExecution_ClosesThePositionAndCancelsTheAlgoStop()
    {
        using var rig = new Rig(new() { [0] = Long });
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
        var entry = ((PlaceCommand)rig.Drain().Single()).Order.ClientOrderId;
        rig.Harness.Kernel.OnVenue(new VenueExecuted(entry, 2m, 100m, 0m, T0.AddMinutes(16)));
        var target = rig.Drain().Cast<PlaceCommand>().Single(c => c.Order.Type == OrderType.TakeProfitMarket).Order.ClientOrderId;

        rig.Harness.Kernel.OnVenue(new VenueExecuted(target, 2m, 110m, 0m, T0.AddMinutes(20)));

        var trade = Assert.Single(rig.Harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal((ExitReason.TakeProfit, 20m), (trade.ExitReason, trade.NetPnl));
        var cancel = Assert.IsType<CancelCommand>(Assert.Single(rig.Drain()));
        Assert.Equal((entry[..^3] + "-sl", true), (cancel.ClientOrderId, cancel.Algo));
    }

    [Fact]
    public void Binance_StopLossRefused_FlattensAtMarket()
    {
        using var rig = new Rig(new() { [0] = Long });
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
        var entry = ((PlaceCommand)rig.Drain().Single()).Order.ClientOrderId;
        rig.Harness.Kernel.OnVenue(new VenueExecuted(entry, 2m, 100m, 0m, T0.AddMinutes(16)));
        rig.Drain();

        rig.Harness.Kernel.OnVenue(new VenueRefused(entry[..^3] + "-sl", VenueRefusal.WouldImmediatelyTrigger, "-2021 Order would immediately trigger.", T0.AddMinutes(16)));

        var exit = Assert.IsType<PlaceCommand>(Assert.Single(rig.Drain())).Order;
        Assert.Equal((OrderType.Market, OrderSide.Sell, true, 2m), (exit.Type, exit.Side, exit.ReduceOnly, exit.Quantity));
        Assert.EndsWith("-ex", exit.ClientOrderId, StringComparison.Ordinal);
    }

    [Fact]
    public void Binance_EntryRefusedForMargin_RejectsTheSignalAndFreesTheSymbol()
    {
        using var rig = new Rig(new() { [0] = Long, [1] = Long });
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
        var entry = ((PlaceCommand)rig.Drain().Single()).Order.ClientOrderId;

        rig.Harness.Kernel.OnVenue(new VenueRefused(entry, VenueRefusal.InsufficientMargin, "-2019 Margin is insufficient.", T0.AddMinutes(16)));
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(1, 100m, 101m, 99m, 100m), Warmup: false));

        var rejected = Assert.Single(rig.Harness.Events.Of<SignalRejected>());
        Assert.Equal(RejectionReason.InsufficientMargin, rejected.Reason);
        Assert.IsType<PlaceCommand>(Assert.Single(rig.Drain())); // the next signal is not refused as "already open"
    }

    [Fact]
    public void Binance_LiveCandle_AtOrBeforeTheLastOpenTime_IsDropped()
    {
        using var rig = new Rig([]);

        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(1, 99m, 101m, 98m, 100m), Warmup: false));
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(1, 99m, 101m, 98m, 100m), Warmup: false));
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(2, 99m, 101m, 98m, 100m), Warmup: false));

        Assert.Equal(2, rig.Harness.Kernel.DuplicateCandles);
        Assert.Equal(2, rig.Harness.Statistics.ToSummary(rig.Harness.RunId, rig.Harness.Portfolio.ToView(), 10_000m, "t").Candles);
    }

    [Fact]
    public void Binance_WarmupCandle_BuildsHistoryButNeverTrades()
    {
        using var rig = new Rig(new() { [0] = Long });

        rig.Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: true));

        Assert.Empty(rig.Drain());
        Assert.Empty(rig.Harness.Events.Of<EntrySignalRaised>());
    }

    private sealed class Rig : IDisposable
    {
        private BinanceVenue? _venue;

        public Rig(Dictionary<int, EntrySignal> signals)
        {
            Harness = new KernelHarness([("s", new ScriptedStrategy(signals))], new FixedQuantityRisk(2m),
                wrapVenue: _ => _venue = new BinanceVenue(_ => 100m));
        }

        public KernelHarness Harness { get; }

        /// <summary>The commands the kernel queued for the exchange since the last call.</summary>
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
