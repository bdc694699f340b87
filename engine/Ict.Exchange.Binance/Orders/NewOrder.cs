using Ict.Abstractions;

namespace Ict.Exchange.Binance.Orders;

/// <summary>
/// A MARKET or LIMIT order for /fapi/v1/order. <paramref name="ReferencePrice"/> (the mark or last price) is used only
/// for the MIN_NOTIONAL check of a market order.
/// </summary>
public sealed record NewOrder(
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    string ClientOrderId,
    decimal? Price = null,
    decimal? ReferencePrice = null,
    bool ReduceOnly = false,
    string TimeInForce = "GTC");
