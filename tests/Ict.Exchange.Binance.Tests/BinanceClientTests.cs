using Ict.Abstractions;
using Ict.Exchange.Binance.Config;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Streams;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>The facade built from options, pointed at FakeBinance through the base-URL overrides.</summary>
public sealed class BinanceClientTests
{
    [Fact]
    public async Task Binance_ClientFromOptions_TradesAgainstTheFakeThroughOverriddenBaseUrls()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        using var http = new HttpClient();
        var options = new BinanceOptions { Mode = BinanceMode.Testnet, RestBaseUrl = h.Server.RestUri, WsBaseUrl = h.Server.WsUri };
        var client = new BinanceClient(options, new BinanceCredentials(FakeBinanceHarness.Key, FakeBinanceHarness.Secret), http, TimeProvider.System);
        await client.StartAsync();
        var user = client.CreateUserDataStream(new StreamOptions { BackoffBase = TimeSpan.FromMilliseconds(5) });
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        user.Connected += _ => connected.TrySetResult();
        using var cts = new CancellationTokenSource();
        var run = user.RunAsync(cts.Token);
        await connected.Task.WithTimeout();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        var rules = await client.Rest.GetInstrumentRulesAsync(new Symbol("BTCUSDT"), 20);
        await client.Trading.PlaceOrderAsync(new NewOrder(rules.Symbol, OrderSide.Sell, OrderType.Market, 0.010m, "facade-1", ReferencePrice: 65000m));
        var fill = await user.Events.NextOfAsync<UserDataEvent, OrderUpdated>(e => e.Event.Order.ExecutionType == "TRADE");

        Assert.Equal(0.10m, rules.TickSize);
        Assert.Equal("SELL", fill.Event.Order.Side);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public void Binance_LiveMode_RequiresTheExplicitLiveFlag()
    {
        var live = new BinanceOptions { Mode = BinanceMode.Live };

        Assert.Throws<InvalidOperationException>(() => BinanceClient.EnsureLiveConfirmed(live, liveFlag: false));
        BinanceClient.EnsureLiveConfirmed(live, liveFlag: true);
        BinanceClient.EnsureLiveConfirmed(new BinanceOptions { Mode = BinanceMode.Testnet }, liveFlag: false);
    }
}
