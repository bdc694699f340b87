using System.Text.Json;
using Ict.Abstractions;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Rest;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>
/// Checks against Binance's published protocol (reference/binance-usdm.md, the USDⓈ-M docs pages and the shared
/// recorded payloads) rather than against shapes our own FakeBinance produces.
/// </summary>
public sealed class BinanceConformanceTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    // Messages as printed on the USDⓈ-M "Error Codes" page, section 10xx.
    private const string UnexpectedRespMessage = "An unexpected response was received from the message bus. Execution status unknown.";
    private const string TimeoutMessage = "Timeout waiting for response from backend server. Send status unknown; execution status unknown.";

    [Theory]
    [InlineData(400, -1006, UnexpectedRespMessage)]
    [InlineData(408, -1007, TimeoutMessage)]
    [InlineData(400, -1007, TimeoutMessage)]
    [InlineData(503, -1007, TimeoutMessage)]
    public void Binance_ExecutionStatusUnknownCodes_AreClassifiedUnknownNotFinalOrRetryable(int status, int code, string message)
    {
        Assert.Equal(BinanceErrorKind.Unknown, BinanceApiException.Classify(status, code, message));
    }

    [Fact]
    public async Task Binance_Minus1007OnAnOrder_IsLookedUpByClientIdBeforeItIsSentAgain()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        h.Server.Faults.RejectNextOrder(-1007, TimeoutMessage);

        var order = await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "t1007-entry", ReferencePrice: 65000m));

        Assert.Equal("t1007-entry", order.ClientOrderId);
        Assert.Single(h.Server.Exchange.Orders);
        var sequence = h.Server.Requests.Where(r => r.Path == "/fapi/v1/order").Select(r => r.Method).ToArray();
        Assert.Equal("POST,GET,POST", string.Join(",", sequence));
    }

    [Fact]
    public void Binance_AlgoStatusTriggered_IsStillWorkingBecauseOnlyTheChildWasPlaced()
    {
        // "TRIGGERED: This status means that the order has been successfully placed into the matching engine."
        Assert.Equal(OrderStatus.New, BinanceWireNames.AlgoStatus("TRIGGERED"));
        Assert.Equal(OrderStatus.New, BinanceWireNames.AlgoStatus("TRIGGERED", 0.010m));
    }

    [SkippableFact]
    public void Binance_AlgoStatusFinished_IsFilledOnlyWhenTheChildExecuted()
    {
        // "FINISHED: ... the triggered conditional order has been filled or canceled in the matching engine."
        var finished = Json.BinanceJson.Deserialize<Models.AlgoOrderResponse>(File.ReadAllText(SharedData.RequireFile("binance/docs-examples/rest/GetConditionalOrder.json")));
        var canceled = Json.BinanceJson.Deserialize<Models.AlgoOrderResponse>(File.ReadAllText(SharedData.RequireFile("binance/docs-examples/rest/CancelConditionalOrder.json")));

        Assert.Equal(OrderStatus.Filled, BinanceWireNames.AlgoStatus(finished.AlgoStatus!, finished.ActualQty));
        Assert.Equal(OrderStatus.Canceled, BinanceWireNames.AlgoStatus("FINISHED", 0m));
        Assert.Equal(OrderStatus.Canceled, BinanceWireNames.AlgoStatus(canceled.AlgoStatus!, canceled.ActualQty));
    }

    [SkippableFact]
    public void Binance_RecordedBtcusdtPercentPrice_BoundsBuysAboveAndSellsBelowTheMarkPrice()
    {
        // Real BTCUSDT symbol: PERCENT_PRICE multiplierUp "1.0500", multiplierDown "0.9500".
        var symbols = Json.BinanceJson.Deserialize<List<Models.ExchangeSymbol>>(File.ReadAllText(SharedData.RequireFile("binance/recorded/exchangeInfo_symbols_BTCUSDT_ETHUSDT.json")));
        var filters = Filters.SymbolFilters.From(symbols.Single(s => s.Symbol == "BTCUSDT"));

        filters.ValidatePercentPrice(68250.0m, OrderSide.Buy, 65000m);
        filters.ValidatePercentPrice(61750.0m, OrderSide.Sell, 65000m);
        Assert.Equal("PERCENT_PRICE", Assert.Throws<Filters.OrderValidationException>(() => filters.ValidatePercentPrice(68250.1m, OrderSide.Buy, 65000m)).Filter);
        Assert.Equal("PERCENT_PRICE", Assert.Throws<Filters.OrderValidationException>(() => filters.ValidatePercentPrice(61749.9m, OrderSide.Sell, 65000m)).Filter);
    }

    [Fact]
    public async Task Binance_LimitBuyAboveTheMarkPriceCap_IsRefusedLocallyAndNeverSent()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        var error = await Assert.ThrowsAsync<Filters.OrderValidationException>(() =>
            h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Limit, 0.010m, "pp-buy", Price: 70000m, ReferencePrice: 65000m)));

        Assert.Equal("PERCENT_PRICE", error.Filter);
        Assert.Equal(0, h.CountRequests("POST", "/fapi/v1/order"));
    }

    [Fact]
    public async Task Binance_FakeExchange_RejectsALimitPriceOutsidePercentPriceWithTheDocumentedCodes()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        // No ReferencePrice: the client cannot check PERCENT_PRICE, so the exchange must.
        var high = await Assert.ThrowsAsync<BinanceApiException>(() =>
            h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Limit, 0.010m, "pp-hi", Price: 70000m)));
        var low = await Assert.ThrowsAsync<BinanceApiException>(() =>
            h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Sell, OrderType.Limit, 0.010m, "pp-lo", Price: 60000m)));

        Assert.Equal((-4016, "Price is higher than mark price multiplier cap."), (high.Code, high.BinanceMessage));
        Assert.Equal((-4024, "Price is lower than mark price multiplier floor."), (low.Code, low.BinanceMessage));
    }

    [Theory]
    [InlineData("""{"e":"ACCOUNT_UPDATE","E":1564745798939,"T":1564745798938,"a":{"m":"FUNDING_FEE","B":[{"a":"USDT","wb":"122624.12345678","cw":"100.12345678","bc":"-0.00452000"}]}}""")]
    [InlineData("""{"e":"ACCOUNT_UPDATE","E":1564745798939,"T":1564745798938,"a":{"m":"FUNDING_FEE","B":[{"a":"USDT","wb":"122624.12345678","cw":"100.12345678","bc":"-0.00452000"}],"P":[]}}""")]
    public void Binance_FundingFeeAccountUpdateWithoutPositions_ReadsAsNoChangedPositions(string frame)
    {
        // Docs, Event: Balance and Position Update: a cross-position funding fee is pushed "with only the balance B
        // (including the 'FUNDING FEE' asset only), without any position P message".
        var update = Json.BinanceJson.Deserialize<Models.AccountUpdateEvent>(frame);

        Assert.Equal("FUNDING_FEE", update.Account.Reason);
        Assert.Equal(-0.00452m, Assert.Single(update.Account.Balances).BalanceChange);
        Assert.Empty(update.Account.Positions);
    }

    [SkippableFact]
    public void Binance_DocsAccountUpdate_StillReadsItsBalancesAndPositions()
    {
        var frame = Json.BinanceJson.Deserialize<Models.StreamFrame>(File.ReadAllText(SharedData.RequireFile("binance/docs-examples/ws/AccountUpdate.json")));
        var update = frame.Data.Deserialize<Models.AccountUpdateEvent>(Json.BinanceJson.Options)!;

        Assert.Equal(2, update.Account.Balances.Count);
        Assert.Equal(["BOTH", "LONG", "SHORT"], update.Account.Positions.Select(p => p.PositionSide));
        Assert.Equal(-10m, update.Account.Positions[2].Amount);
    }

    [Fact]
    public async Task Binance_ClientIdWithEveryAllowedPunctuation_IsSignedAsSentAndArrivesIntact()
    {
        // newClientOrderId / clientAlgoId may hold . : / _ - (^[\.A-Z\:/a-z0-9_-]{1,36}$); ':' and '/' are percent-encoded on
        // the wire, and the signature must cover exactly those encoded bytes (General Info, SIGNED endpoint security).
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        const string id = "ict:s1/entry.A_b-c";

        var order = await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, id, ReferencePrice: 65000m));

        Assert.Equal(id, order.ClientOrderId);
        var post = h.Server.Requests.Single(r => r.Method == "POST" && r.Path == "/fapi/v1/order");
        Assert.Contains("newClientOrderId=ict%3As1%2Fentry.A_b-c&", post.RawQuery, StringComparison.Ordinal);
        Assert.EndsWith("&signature=" + BinanceSigner.Sign(FakeBinanceHarness.Secret, post.RawQuery[..post.RawQuery.LastIndexOf("&signature=", StringComparison.Ordinal)]), post.RawQuery, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Binance_UserStream_ReadsTheDocsCombinedFramesVerbatimIncludingAStringTypedListenKeyExpired()
    {
        // The docs frames carry the {"stream":..,"data":..} envelope and "E" as a string in listenKeyExpired; FakeBinance
        // itself sends raw events, so push Binance's exact bytes through the socket instead.
        var folder = SharedData.RequireFolder("binance/docs-examples/ws");
        await using var h = await FakeBinanceHarness.StartAsync();
        var stream = new Streams.BinanceUserDataStream(h.Rest, h.Server.WsUri, TimeProvider.System,
            new Streams.StreamOptions { BackoffBase = TimeSpan.FromMilliseconds(5), BackoffMax = TimeSpan.FromMilliseconds(50) });
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.Connected += _ => connected.TrySetResult();
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connected.Task.WithTimeout();
        var key = h.Server.ListenKeys.Current!;

        foreach (var name in new[] { "OrderUpdate", "AccountUpdate", "AlgoOrderUpdate" })
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".json")));
            h.Server.Streams.PublishUser(key, doc.RootElement.GetProperty("data").GetProperty("e").GetString()!, doc.RootElement.Clone());
        }

        using var expired = JsonDocument.Parse($$$"""{"stream":"{{{key}}}","data":{"e":"listenKeyExpired","E":"1736996475556","listenKey":"{{{key}}}"}}""");
        h.Server.Streams.PublishUser(key, "listenKeyExpired", expired.RootElement.Clone());

        var order = await stream.Events.NextAsync();
        var account = await stream.Events.NextAsync();
        var algo = await stream.Events.NextAsync();
        var resumed = await stream.Events.NextAsync();

        Assert.Equal((8886774L, "TEST"), (Assert.IsType<Streams.OrderUpdated>(order).Event.Order.OrderId, ((Streams.OrderUpdated)order).Event.Order.ClientOrderId));
        Assert.Equal("ORDER", Assert.IsType<Streams.AccountUpdated>(account).Event.Account.Reason);
        Assert.Equal(("Q5xaq5EGKgXXa0fD7fs0Ip", 2148719L), (Assert.IsType<Streams.AlgoOrderUpdated>(algo).Event.Order.ClientAlgoId, ((Streams.AlgoOrderUpdated)algo).Event.Order.AlgoId));
        Assert.IsType<Streams.UserStreamResumed>(resumed);
        Assert.Equal(2, stream.ListenKeysCreated);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public void Binance_LiveTriggeredAlgoUpdate_HasExecutedNothingYetAndNamesItsChildOrder()
    {
        // A live ALGO_UPDATE frame (2025-12-11) quoted in https://github.com/nautechsystems/nautilus_trader/issues/3287.
        const string frame = """{"stream":"QuwZkuPX0yPW7hN7l2UXUkq25xM0e5clh7Byeea1c6XzX5EoYvGok48HJ2FCbDur","data":{"e":"ALGO_UPDATE","T":1765431097030,"E":1765431097037,"o":{"caid":"O-20251211-053131-ZYWR-000-9","aid":1000000033225453,"at":"CONDITIONAL","o":"STOP_MARKET","s":"DOGEUSDT","S":"BUY","ps":"BOTH","f":"GTC","q":"38","X":"TRIGGERED","ai":"88937381063","ap":"0","aq":"0","act":"MARKET","tp":"0.13855","p":"0","V":"EXPIRE_MAKER","wt":"CONTRACT_PRICE","pm":"NONE","cp":false,"pP":false,"R":false,"tt":1765431097019,"gtd":0}}}""";
        var algo = Json.BinanceJson.Deserialize<Models.StreamFrame>(frame).Data.Deserialize<Models.AlgoUpdateEvent>(Json.BinanceJson.Options)!.Order;

        Assert.Equal(1000000033225453L, algo.AlgoId);
        Assert.Equal("88937381063", algo.ActualOrderId);
        Assert.Equal(0m, algo.ExecutedQuantity);
        Assert.Equal(OrderStatus.New, BinanceWireNames.AlgoStatus(algo.Status, algo.ExecutedQuantity));
    }

    [Theory]
    [InlineData(500, -1000, "An unknown error occured while processing the request.")]
    [InlineData(502, 0, "Bad Gateway")]
    [InlineData(504, 0, "Gateway Timeout")]
    [InlineData(408, 0, "Request Timeout")]
    public async Task Binance_ServerErrorOnAnOrder_IsLookedUpBeforeAnyResendInsteadOfBlindlyRetried(int status, int code, string message)
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        h.Server.Faults.RejectNextOrder(code, message, status);

        await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 60000m, "s5xx-sl", ClosePosition: true));

        Assert.Single(h.Server.Exchange.AlgoOrders);
        var sequence = h.Server.Requests.Where(r => r.Path == "/fapi/v1/algoOrder").Select(r => r.Method).ToArray();
        Assert.Equal("POST,GET,POST", string.Join(",", sequence));
    }

    [Theory]
    [InlineData(503, 0, "Service Unavailable.")]
    [InlineData(503, -1008, "Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again.")]
    public async Task Binance_DocumentedFailureOnAnOrder_IsRetriedWithoutALookup(int status, int code, string message)
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        h.Server.Faults.RejectNextOrder(code, message, status);

        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "s503-entry", ReferencePrice: 65000m));

        Assert.Single(h.Server.Exchange.Orders);
        var sequence = h.Server.Requests.Where(r => r.Path == "/fapi/v1/order").Select(r => r.Method).ToArray();
        Assert.Equal("POST,POST", string.Join(",", sequence));
    }

    [Fact]
    public void Binance_ServerErrorOnARead_StaysRetryable()
    {
        Assert.Equal(BinanceErrorKind.Retryable, BinanceApiException.Classify(502, 0, "Bad Gateway"));
        Assert.Equal(BinanceErrorKind.Unknown, BinanceApiException.ClassifyOrder(502, 0, "Bad Gateway"));
        Assert.Equal(BinanceErrorKind.Final, BinanceApiException.ClassifyOrder(400, -2019, "Margin is insufficient."));
        Assert.Equal(BinanceErrorKind.Retryable, BinanceApiException.ClassifyOrder(429, -1003, "Too many requests"));
    }

    [SkippableFact]
    public void Binance_OrderUpdateWithoutCommissionFields_ReadsAsNoCommission()
    {
        // Event: Order Update: "N" (commission asset) and "n" (commission) are omitted when there is no commission.
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(SharedData.RequireFile("binance/docs-examples/ws/OrderUpdate.json")))!["data"]!;
        node["o"]!.AsObject().Remove("N");
        node["o"]!.AsObject().Remove("n");

        var order = Json.BinanceJson.Deserialize<Models.OrderTradeUpdateEvent>(node.ToJsonString()).Order;

        Assert.Null(order.CommissionAsset);
        Assert.Equal(0m, order.Commission);
        Assert.Equal(8886774L, order.OrderId);
    }
}
