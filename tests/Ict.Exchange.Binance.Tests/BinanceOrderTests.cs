using Ict.Abstractions;
using Ict.Exchange.Binance.Filters;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Rest;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>Order placement against FakeBinance: entry on /fapi/v1/order, SL/TP on /fapi/v1/algoOrder.</summary>
public sealed class BinanceOrderTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public async Task Binance_MarketEntryThenAlgoStopAndTakeProfit_AreOpenOnTheRightEndpoints()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        var entry = await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.0105m, "sig42-entry", ReferencePrice: 65000m));
        var sl = await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 64000.04m, "sig42-sl", Quantity: 0.010m));
        var tp = await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.TakeProfitMarket, 67000m, "sig42-tp", Quantity: 0.010m));

        Assert.Equal("FILLED", entry.Status);
        Assert.Equal(0.010m, entry.ExecutedQty);
        Assert.Equal(64000.0m, sl.TriggerPrice);
        Assert.Equal("NEW", sl.AlgoStatus);
        Assert.True(sl.ReduceOnly);
        Assert.Empty(await h.Trading.GetOpenOrdersAsync("BTCUSDT"));
        var open = await h.Trading.GetOpenAlgoOrdersAsync("BTCUSDT");
        Assert.Equal("sig42-sl,sig42-tp", string.Join(",", open.Select(o => o.ClientAlgoId).Order()));
        var position = Assert.Single(await h.Rest.GetPositionRiskAsync("BTCUSDT"));
        Assert.Equal(0.010m, position.PositionAmt);
    }

    [Fact]
    public async Task Binance_TakeProfitTrigger_ClosesThePositionAndTheStopCanBeCancelled()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "e1", ReferencePrice: 65000m));
        await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 64000m, "e1-sl", Quantity: 0.010m));
        await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.TakeProfitMarket, 67000m, "e1-tp", Quantity: 0.010m));

        h.Server.Exchange.SetPrice("BTCUSDT", 67010m);
        var tp = await h.Trading.FindAlgoOrderAsync("e1-tp");
        var cancelled = await h.Trading.CancelAlgoOrderAsync("e1-sl");

        Assert.Equal("FINISHED", tp!.AlgoStatus);
        Assert.Equal(67010m, tp.ActualPrice);
        Assert.False(string.IsNullOrEmpty(tp.ActualOrderId));
        Assert.Equal("e1-sl", cancelled.ClientAlgoId);
        Assert.Empty(await h.Rest.GetPositionRiskAsync("BTCUSDT"));
        Assert.Empty(await h.Trading.GetOpenAlgoOrdersAsync("BTCUSDT"));
    }

    [Fact]
    public async Task Binance_OrderCommission_IsReadFromTheOrdersTrades_ForAnEntryAndForATriggeredTakeProfitsChild()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        var entry = await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "c1", ReferencePrice: 65000m));
        await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.TakeProfitMarket, 67000m, "c1-tp", Quantity: 0.010m));
        h.Server.Exchange.SetPrice("BTCUSDT", 67010m);
        var child = long.Parse((await h.Trading.FindAlgoOrderAsync("c1-tp"))!.ActualOrderId!, System.Globalization.CultureInfo.InvariantCulture);

        // The fake charges a 0.05% taker fee: 0.010 × 65000 × 0.0005 and 0.010 × 67010 × 0.0005.
        Assert.Equal(0.325m, await h.Trading.GetOrderCommissionAsync("BTCUSDT", entry.OrderId, "USDT"));
        Assert.Equal(0.33505m, await h.Trading.GetOrderCommissionAsync("BTCUSDT", child, "USDT"));
        Assert.Null(await h.Trading.GetOrderCommissionAsync("BTCUSDT", entry.OrderId, "BNFCR")); // paid in another asset: unknown
        Assert.Equal(0m, await h.Trading.GetOrderCommissionAsync("BTCUSDT", 999_999, "USDT")); // no trades, nothing paid
    }

    [Fact]
    public async Task Binance_ConditionalTypeSentToTheOrderEndpoint_IsRejectedWithMinus4120()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var p = new BinanceParameters().Add("symbol", "BTCUSDT").Add("side", "SELL").Add("type", "STOP_MARKET").Add("quantity", 0.01m).Add("stopPrice", 60000m);

        var error = await Assert.ThrowsAsync<BinanceOrderRejectedException>(() =>
            h.Http.SendAsync<Models.OrderResponse>(HttpMethod.Post, "/fapi/v1/order", p, BinanceSecurity.Signed, 0, true, default));

        Assert.Equal(BinanceErrorCodes.StopOrderSwitchAlgo, error.Code);
        Assert.Equal(BinanceRejection.ConditionalTypeOnOrderEndpoint, error.Rejection);
    }

    [Fact]
    public async Task Binance_StopThatWouldImmediatelyTrigger_IsATypedMinus2021Rejection()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "e2", ReferencePrice: 65000m));

        var error = await Assert.ThrowsAsync<BinanceOrderRejectedException>(() =>
            h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 65500m, "e2-sl", Quantity: 0.010m)));

        Assert.Equal(BinanceRejection.WouldImmediatelyTrigger, error.Rejection);
        Assert.Equal(BinanceErrorKind.Final, error.Kind);
    }

    [Fact]
    public async Task Binance_OrderTooLargeForTheMargin_IsATypedMinus2019Rejection()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        var error = await Assert.ThrowsAsync<BinanceOrderRejectedException>(() =>
            h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 100m, "big", ReferencePrice: 65000m)));

        Assert.Equal(BinanceRejection.InsufficientMargin, error.Rejection);
    }

    [Fact]
    public async Task Binance_ExchangeSideMinNotionalRejection_IsATypedMinus4164Rejection()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        h.Server.Faults.RejectNextOrder(-4164, "Order's notional must be no smaller than 5 (unless you choose reduce only).");

        var error = await Assert.ThrowsAsync<BinanceOrderRejectedException>(() =>
            h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "small", ReferencePrice: 65000m)));

        Assert.Equal(BinanceRejection.MinNotional, error.Rejection);
    }

    [Fact]
    public async Task Binance_OrderBelowMinNotional_IsRefusedLocallyAndNeverSent()
    {
        await using var h = await FakeBinanceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<OrderValidationException>(() =>
            h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Limit, 0.001m, "tiny", Price: 1000m)));

        Assert.Equal("MIN_NOTIONAL", error.Filter);
        Assert.Equal(0, h.CountRequests("POST", "/fapi/v1/order"));
    }

    [Fact]
    public async Task Binance_LimitOrder_CanBeListedAndCancelledByClientId()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Limit, 0.010m, "lim-1", Price: 60000.06m));

        var open = Assert.Single(await h.Trading.GetOpenOrdersAsync("BTCUSDT"));
        var cancelled = await h.Trading.CancelOrderAsync("BTCUSDT", "lim-1");
        var again = await Assert.ThrowsAsync<BinanceApiException>(() => h.Trading.CancelOrderAsync("BTCUSDT", "lim-1"));

        Assert.Equal(60000.1m, open.Price);
        Assert.Equal("CANCELED", cancelled.Status);
        Assert.Equal(BinanceErrorCodes.CancelRejected, again.Code);
        Assert.Null(await h.Trading.FindOrderAsync("BTCUSDT", "never-sent"));
    }

    [Fact]
    public async Task Binance_LeverageMarginTypeBalanceAndListenKey_RoundTripThroughTheFake()
    {
        await using var h = await FakeBinanceHarness.StartAsync();

        var lev = await h.Rest.SetLeverageAsync("BTCUSDT", 5);
        await h.Rest.SetMarginTypeAsync("BTCUSDT", isolated: true);
        var balance = Assert.Single(await h.Rest.GetBalancesAsync());
        var key = await h.Rest.CreateListenKeyAsync();
        await h.Rest.KeepAliveListenKeyAsync();
        await h.Rest.DeleteListenKeyAsync();
        var gone = await Assert.ThrowsAsync<BinanceApiException>(() => h.Rest.KeepAliveListenKeyAsync());

        Assert.Equal(5, lev.Leverage);
        Assert.Equal(10_000m, balance.AvailableBalance);
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(BinanceErrorCodes.InvalidListenKey, gone.Code);
    }
}
