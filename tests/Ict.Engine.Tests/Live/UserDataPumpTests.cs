using System.Threading.Channels;
using Ict.Engine.Kernel;
using Ict.Engine.Live;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Streams;

namespace Ict.Engine.Tests.Live;

public sealed class UserDataPumpTests
{
    private readonly UserDataPump _pump = new(Channel.CreateUnbounded<KernelInput>().Writer, TimeProvider.System, "USDT");

    [Fact]
    public void Binance_PartialFills_AreSummedAndReportedOnceTheOrderIsFilled()
    {
        _pump.Track("ict-00000000000000aa-en", algo: false, "BTCUSDT");

        Assert.Empty(_pump.Observe(Trade("ict-00000000000000aa-en", 1, "PARTIALLY_FILLED", 1m, 100m, 0.05m)));
        var done = Assert.IsType<VenueExecuted>(Assert.Single(_pump.Observe(Trade("ict-00000000000000aa-en", 1, "FILLED", 3m, 104m, 0.15m))));

        Assert.Equal((4m, 103m, 0.2m), (done.Quantity, done.AveragePrice, done.Fee)); // (1×100 + 3×104) / 4
        Assert.Empty(_pump.Observe(Trade("ict-00000000000000aa-en", 1, "FILLED", 3m, 104m, 0.15m))); // no longer working
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Binance_StopLossChildFill_IsAttributedToItsAlgoOrderInEitherEventOrder(bool triggeredFirst)
    {
        const string algo = "ict-00000000000000bb-sl";
        _pump.Track(algo, algo: true, "BTCUSDT");
        var triggered = Algo(algo, "TRIGGERED", childId: 77);
        var fill = Trade("child-without-our-id", 77, "FILLED", 2m, 95m, 0.1m); // matched by the order id named in "ai"

        var first = _pump.Observe(triggeredFirst ? triggered : fill);
        var second = _pump.Observe(triggeredFirst ? fill : triggered);

        Assert.Empty(first);
        var done = Assert.IsType<VenueExecuted>(Assert.Single(second));
        Assert.Equal((algo, 2m, 95m), (done.ClientOrderId, done.Quantity, done.AveragePrice));
    }

    [Fact]
    public void Binance_AlgoOrderExpiredByTheExchange_IsReportedAsEnded()
    {
        _pump.Track("ict-00000000000000cc-tp", algo: true, "BTCUSDT");

        var ended = Assert.IsType<VenueEnded>(Assert.Single(_pump.Observe(Algo("ict-00000000000000cc-tp", "EXPIRED", childId: 0))));

        Assert.Equal(Abstractions.OrderStatus.Expired, ended.Status);
    }

    private static OrderUpdated Trade(string clientId, long orderId, string status, decimal qty, decimal price, decimal fee) =>
        new(BinanceJson.Deserialize<OrderTradeUpdateEvent>($$$"""
            {"e":"ORDER_TRADE_UPDATE","E":1,"T":1,"o":{"s":"BTCUSDT","c":"{{{clientId}}}","S":"SELL","o":"MARKET","q":"4","p":"0","ap":"0",
             "x":"TRADE","X":"{{{status}}}","i":{{{orderId}}},"l":"{{{qty}}}","z":"0","L":"{{{price}}}","N":"USDT","n":"{{{fee}}}","T":1,"t":1,"R":false,"ps":"BOTH","rp":"0"}}
            """));

    [Fact]
    public void Binance_AlgoOrderFinishedWithNothingExecuted_IsReportedAsCanceled_NotLeftWorking()
    {
        _pump.Track("ict-00000000000000dd-sl", algo: true, "BTCUSDT");

        var ended = Assert.IsType<VenueEnded>(Assert.Single(_pump.Observe(Algo("ict-00000000000000dd-sl", "FINISHED", childId: 78))));

        Assert.Equal(Abstractions.OrderStatus.Canceled, ended.Status);
        Assert.Contains("nothing executed", ended.Detail, StringComparison.Ordinal);
        Assert.Empty(_pump.Observe(Algo("ict-00000000000000dd-sl", "FINISHED", childId: 78))); // no longer working
    }

    [Fact]
    public void Binance_AlgoOrderFinishedAfterItsChildFilled_IsReportedOnceAsExecuted()
    {
        const string algo = "ict-00000000000000ee-tp";
        _pump.Track(algo, algo: true, "BTCUSDT");

        Assert.Empty(_pump.Observe(Algo(algo, "TRIGGERED", childId: 79)));
        var done = Assert.IsType<VenueExecuted>(Assert.Single(_pump.Observe(Trade("child", 79, "FILLED", 2m, 105m, 0.1m))));
        Assert.Empty(_pump.Observe(Algo(algo, "FINISHED", childId: 79, executed: 2m)));

        Assert.Equal((algo, 2m), (done.ClientOrderId, done.Quantity));
    }

    private static AlgoOrderUpdated Algo(string clientAlgoId, string status, long childId, decimal executed = 0m) =>
        new(BinanceJson.Deserialize<AlgoUpdateEvent>($$$"""
            {"e":"ALGO_UPDATE","E":1,"T":1,"o":{"caid":"{{{clientAlgoId}}}","aid":5,"at":"CONDITIONAL","o":"STOP_MARKET","s":"BTCUSDT","S":"SELL",
             "q":"2","X":"{{{status}}}","ai":"{{{(childId > 0 ? childId.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}}}","ap":"0","aq":"{{{executed.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}","act":"MARKET",
             "tp":"95","p":"0","R":true,"cp":false,"tt":1,"rm":""}}
            """));
}
