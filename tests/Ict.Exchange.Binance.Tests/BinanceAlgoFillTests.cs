using Ict.Abstractions;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Streams;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>Child fills of triggered SL/TP orders are attributed to their parent whatever order the events come in.</summary>
public sealed class BinanceAlgoFillTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    private static OrderUpdated Fill(long orderId, string clientId) => new(BinanceJson.Deserialize<OrderTradeUpdateEvent>(
        $$$"""{"e":"ORDER_TRADE_UPDATE","E":1,"T":1,"o":{"s":"BTCUSDT","c":"{{{clientId}}}","S":"SELL","o":"MARKET","q":"0.010","p":"0","ap":"63990","x":"TRADE","X":"FILLED","i":{{{orderId}}},"l":"0.010","z":"0.010","L":"63990","n":"0.3","T":1,"t":9,"R":true,"ps":"BOTH","rp":"-10"}}"""));

    private static AlgoOrderUpdated Triggered(string caid, string childId) => new(BinanceJson.Deserialize<AlgoUpdateEvent>(
        $$$"""{"e":"ALGO_UPDATE","E":1,"T":1,"o":{"caid":"{{{caid}}}","aid":5,"o":"STOP_MARKET","s":"BTCUSDT","S":"SELL","q":"0.010","X":"TRIGGERED","ai":"{{{childId}}}","ap":"0","aq":"0","tp":"64000","p":"0","R":true,"cp":false,"tt":1}}"""));

    [Fact]
    public void Binance_ChildFillBeforeTriggered_IsHeldThenAttributedByTheChildOrderId()
    {
        var correlator = new AlgoFillCorrelator();
        correlator.Track("sig1-sl");

        Assert.Empty(correlator.Observe(Fill(777, "autoclose-x")));
        var matched = Assert.Single(correlator.Observe(Triggered("sig1-sl", "777")));

        Assert.Equal("sig1-sl", matched.ClientAlgoId);
        Assert.Equal(777, matched.ChildOrderId);
        Assert.Equal(0, correlator.PendingCount);
    }

    [Fact]
    public void Binance_ChildFillAfterTriggered_IsAttributedAtOnce()
    {
        var correlator = new AlgoFillCorrelator();
        correlator.Track("sig1-tp");

        Assert.Empty(correlator.Observe(Triggered("sig1-tp", "778")));
        var matched = Assert.Single(correlator.Observe(Fill(778, "something-else")));

        Assert.Equal("sig1-tp", matched.ClientAlgoId);
    }

    [Fact]
    public void Binance_ChildFillCarryingTheClientAlgoId_IsAttributedWithoutWaiting()
    {
        var correlator = new AlgoFillCorrelator();
        correlator.Track("sig2-sl");

        Assert.Equal("sig2-sl", Assert.Single(correlator.Observe(Fill(779, "sig2-sl"))).ClientAlgoId);
        Assert.Empty(correlator.Observe(Triggered("sig2-sl", "779")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Binance_StopTriggeredOnTheFake_YieldsExactlyOneAttributedFillInEitherEventOrder(bool triggeredFirst)
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.TriggeredBeforeFill = triggeredFirst;
        var stream = new BinanceUserDataStream(h.Rest, h.Server.WsUri, TimeProvider.System);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.Connected += _ => connected.TrySetResult();
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connected.Task.WithTimeout();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "c1-entry", ReferencePrice: 65000m));
        var correlator = new AlgoFillCorrelator();
        correlator.Track("c1-sl");
        await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 64000m, "c1-sl", Quantity: 0.010m));

        h.Server.Exchange.SetPrice("BTCUSDT", 63990m);
        var fills = new List<AlgoChildFill>();
        while (true)
        {
            var evt = await stream.Events.NextAsync();
            fills.AddRange(correlator.Observe(evt));
            if (evt is AlgoOrderUpdated { Event.Order.Status: "FINISHED" })
            {
                break;
            }
        }

        var fill = Assert.Single(fills);
        Assert.Equal("c1-sl", fill.ClientAlgoId);
        Assert.Equal(63990m, fill.Fill.LastFilledPrice);
        await cts.CancelAsync();
        await run.WithTimeout();
    }
}
