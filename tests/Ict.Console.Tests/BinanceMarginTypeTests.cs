using Ict.Console.Tests.Support;
using static Ict.Console.Tests.Support.BinanceRig;

namespace Ict.Console.Tests;

/// <summary>
/// The configured margin type (<c>exchange.marginType</c>) is set on a symbol before its first entry. FakeBinance
/// starts every symbol CROSSED, as Binance does, and answers -4046 "No need to change margin type." when asked for the
/// type it already has.
/// </summary>
public sealed class BinanceMarginTypeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Binance_FirstEntry_SetsIsolatedMarginOnTheSymbolBeforeTheOrder()
    {
        await using var rig = await StartAsync();
        Assert.Equal("CROSSED", rig.Server.Exchange.MarginType(Symbol));

        await rig.TradeOnceAsync(Wait);

        Assert.Equal("ISOLATED", rig.Server.Exchange.MarginType(Symbol)); // the default, nothing configured
        var requests = rig.Server.Requests.ToList();
        var margin = Assert.Single(requests, r => r.Path == "/fapi/v1/marginType");
        Assert.Equal(("POST", Symbol, "ISOLATED"), (margin.Method, margin.Get("symbol"), margin.Get("marginType")));
        var entry = requests.FindIndex(r => r.Path == "/fapi/v1/order" && r.Method == "POST");
        Assert.True(requests.IndexOf(margin) < entry, "the margin type is set before the entry is sent");
    }

    [Fact]
    public async Task Binance_MarginTypeAlreadyAsConfigured_NoNeedToChangeCountsAsSuccess()
    {
        await using var rig = await StartAsync(c => c.Replace("\"warmupCandles\": 10", "\"warmupCandles\": 10, \"marginType\": \"crossed\"", StringComparison.Ordinal));

        await rig.TradeOnceAsync(Wait); // the fake answers -4046: the entry goes ahead all the same

        Assert.Equal("CROSSED", rig.Server.Exchange.MarginType(Symbol));
        Assert.Equal("CROSSED", Assert.Single(rig.Server.Requests, r => r.Path == "/fapi/v1/marginType").Get("marginType"));
        Assert.Equal("FILLED", Assert.Single(rig.Server.Exchange.Orders).Status);
    }

    [Fact]
    public async Task Binance_MarginTypeTheExchangeRefuses_RefusesTheEntryInsteadOfTradingOnAnotherType()
    {
        await using var rig = await StartAsync();
        // A position opened by hand makes Binance refuse any margin-type change (-4048).
        rig.Server.Exchange.PlaceOrder(Symbol, "SELL", "MARKET", 0.001m, 0m, "manual-short", false, "GTC");

        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await ict.WaitForOutputAsync("-4048", Wait);
        await StopAsync(ict);

        Assert.Equal("CROSSED", rig.Server.Exchange.MarginType(Symbol));
        Assert.DoesNotContain(rig.Server.Exchange.Orders, o => o.ClientOrderId.StartsWith("ict-", StringComparison.Ordinal));
    }
}
