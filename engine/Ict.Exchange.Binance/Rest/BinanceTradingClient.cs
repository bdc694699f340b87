using Ict.Abstractions;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Orders;

namespace Ict.Exchange.Binance.Rest;

/// <summary>
/// Orders: MARKET/LIMIT on /fapi/v1/order, STOP_MARKET/TAKE_PROFIT_MARKET on /fapi/v1/algoOrder. Every order is rounded
/// and validated against the symbol filters before it is sent; an order whose fate is unknown (503 "Unknown error")
/// is looked up by its client id before it is ever sent again.
/// </summary>
public sealed class BinanceTradingClient(BinanceRestClient rest)
{
    private BinanceHttp Http => rest.Http;

    /// <summary>Rounds (price to tick, quantity down to step), validates, and places a MARKET or LIMIT order.</summary>
    public async Task<OrderResponse> PlaceOrderAsync(NewOrder order, CancellationToken ct = default)
    {
        if (order.Type is not (OrderType.Market or OrderType.Limit))
        {
            throw new ArgumentException("Conditional orders go through PlaceAlgoOrderAsync (/fapi/v1/algoOrder).", nameof(order));
        }

        ClientIds.Require(order.ClientOrderId);
        var filters = await rest.GetFiltersAsync(order.Symbol.Value, ct).ConfigureAwait(false);
        var market = order.Type == OrderType.Market;
        var qty = filters.RoundQuantityDown(order.Quantity, market);
        decimal? price = market ? null : filters.RoundPrice(order.Price ?? throw new ArgumentException("A LIMIT order needs a price.", nameof(order)));
        var notionalPrice = price ?? order.ReferencePrice;
        filters.Validate(qty, notionalPrice ?? 0m, market, priceIsOrderPrice: !market, order.ReduceOnly || notionalPrice is null);
        if (price is { } limitPrice)
        {
            filters.ValidatePercentPrice(limitPrice, order.Side, order.ReferencePrice ?? 0m);
        }

        var p = new BinanceParameters()
            .Add("symbol", order.Symbol.Value).Add("side", BinanceWireNames.Side(order.Side)).Add("type", BinanceWireNames.Type(order.Type))
            .Add("quantity", qty).Add("price", price).Add("timeInForce", market ? null : order.TimeInForce)
            .Add("reduceOnly", order.ReduceOnly ? true : null).Add("newClientOrderId", order.ClientOrderId).Add("newOrderRespType", "RESULT");

        return await SendOrderOnceOrFindAsync(
            () => Http.SendAsync<OrderResponse>(HttpMethod.Post, "/fapi/v1/order", p, BinanceSecurity.Signed, 0, true, ct),
            () => FindOrderAsync(order.Symbol.Value, order.ClientOrderId, ct)).ConfigureAwait(false);
    }

    /// <summary>Rounds, validates and places a STOP_MARKET or TAKE_PROFIT_MARKET order on the algo endpoint.</summary>
    public async Task<AlgoOrderResponse> PlaceAlgoOrderAsync(AlgoOrder order, CancellationToken ct = default)
    {
        if (order.Type is not (OrderType.StopMarket or OrderType.TakeProfitMarket))
        {
            throw new ArgumentException("Only STOP_MARKET and TAKE_PROFIT_MARKET go to /fapi/v1/algoOrder.", nameof(order));
        }

        if (order.ClosePosition == order.Quantity.HasValue)
        {
            throw new ArgumentException("Give either a quantity or ClosePosition, not both.", nameof(order));
        }

        ClientIds.Require(order.ClientAlgoId);
        var filters = await rest.GetFiltersAsync(order.Symbol.Value, ct).ConfigureAwait(false);
        var trigger = filters.RoundPrice(order.TriggerPrice);
        decimal? qty = order.Quantity is { } q ? filters.RoundQuantityDown(q, market: true) : null;
        filters.ValidatePrice(trigger);
        if (qty is { } checkedQty)
        {
            filters.Validate(checkedQty, trigger, market: true, priceIsOrderPrice: true, reduceOnly: order.ReduceOnly);
        }

        var p = new BinanceParameters()
            .Add("algoType", "CONDITIONAL").Add("symbol", order.Symbol.Value).Add("side", BinanceWireNames.Side(order.Side))
            .Add("type", BinanceWireNames.Type(order.Type)).Add("quantity", qty).Add("triggerPrice", trigger)
            .Add("workingType", order.WorkingType).Add("closePosition", order.ClosePosition ? true : null)
            .Add("reduceOnly", order.ReduceOnly && !order.ClosePosition ? true : null).Add("clientAlgoId", order.ClientAlgoId);

        return await SendOrderOnceOrFindAsync(
            () => Http.SendAsync<AlgoOrderResponse>(HttpMethod.Post, "/fapi/v1/algoOrder", p, BinanceSecurity.Signed, 0, true, ct),
            () => FindAlgoOrderAsync(order.ClientAlgoId, ct)).ConfigureAwait(false);
    }

    /// <summary>GET /fapi/v1/order by client id; null when Binance says it does not exist (-2013).</summary>
    public async Task<OrderResponse?> FindOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        try
        {
            return await Http.SendAsync<OrderResponse>(HttpMethod.Get, "/fapi/v1/order",
                new BinanceParameters().Add("symbol", symbol).Add("origClientOrderId", clientOrderId), BinanceSecurity.Signed, 1, false, ct).ConfigureAwait(false);
        }
        catch (BinanceApiException e) when (e.IsOrderNotFound)
        {
            return null;
        }
    }

    /// <summary>GET /fapi/v1/algoOrder by client algo id; null when it does not exist.</summary>
    public async Task<AlgoOrderResponse?> FindAlgoOrderAsync(string clientAlgoId, CancellationToken ct = default)
    {
        try
        {
            return await Http.SendAsync<AlgoOrderResponse>(HttpMethod.Get, "/fapi/v1/algoOrder",
                new BinanceParameters().Add("clientAlgoId", clientAlgoId), BinanceSecurity.Signed, 1, false, ct).ConfigureAwait(false);
        }
        catch (BinanceApiException e) when (e.IsOrderNotFound)
        {
            return null;
        }
    }

    /// <summary>GET /fapi/v1/userTrades for one order: its fills with their commissions (Binance keeps them for 6 months).</summary>
    public Task<IReadOnlyList<UserTrade>> GetOrderTradesAsync(string symbol, long orderId, CancellationToken ct = default) =>
        Http.SendAsync<IReadOnlyList<UserTrade>>(HttpMethod.Get, "/fapi/v1/userTrades",
            new BinanceParameters().Add("symbol", symbol).Add("orderId", orderId), BinanceSecurity.Signed, 5, false, ct);

    /// <summary>
    /// The commission an order paid in <paramref name="asset"/> (the account's margin asset), from its trades; null when
    /// part of it was paid in another asset (BNB, say), which this engine cannot value.
    /// </summary>
    public async Task<decimal?> GetOrderCommissionAsync(string symbol, long orderId, string asset, CancellationToken ct = default)
    {
        var trades = await GetOrderTradesAsync(symbol, orderId, ct).ConfigureAwait(false);
        return trades.Any(t => t.Commission != 0 && t.CommissionAsset != asset) ? null : trades.Sum(t => t.Commission);
    }

    public Task<OrderResponse> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        Http.SendAsync<OrderResponse>(HttpMethod.Delete, "/fapi/v1/order",
            new BinanceParameters().Add("symbol", symbol).Add("origClientOrderId", clientOrderId), BinanceSecurity.Signed, 1, false, ct);

    public Task<AlgoOrderResponse> CancelAlgoOrderAsync(string clientAlgoId, CancellationToken ct = default) =>
        Http.SendAsync<AlgoOrderResponse>(HttpMethod.Delete, "/fapi/v1/algoOrder",
            new BinanceParameters().Add("clientAlgoId", clientAlgoId), BinanceSecurity.Signed, 1, false, ct);

    public Task<IReadOnlyList<OrderResponse>> GetOpenOrdersAsync(string? symbol = null, CancellationToken ct = default) =>
        Http.SendAsync<IReadOnlyList<OrderResponse>>(HttpMethod.Get, "/fapi/v1/openOrders",
            new BinanceParameters().Add("symbol", symbol), BinanceSecurity.Signed, symbol is null ? 40 : 1, false, ct);

    public Task<IReadOnlyList<AlgoOrderResponse>> GetOpenAlgoOrdersAsync(string? symbol = null, CancellationToken ct = default) =>
        Http.SendAsync<IReadOnlyList<AlgoOrderResponse>>(HttpMethod.Get, "/fapi/v1/openAlgoOrders",
            new BinanceParameters().Add("symbol", symbol), BinanceSecurity.Signed, symbol is null ? 40 : 1, false, ct);

    // A 503 "Unknown error" may mean the order was accepted: look it up by client id. Only when Binance confirms it
    // does not exist is the order sent once more (with the same client id, so a late duplicate is refused).
    private static async Task<T> SendOrderOnceOrFindAsync<T>(Func<Task<T>> send, Func<Task<T?>> find)
        where T : class
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (BinanceApiException e) when (e.Kind == BinanceErrorKind.Unknown)
        {
            var existing = await find().ConfigureAwait(false);
            return existing ?? await send().ConfigureAwait(false);
        }
    }
}
