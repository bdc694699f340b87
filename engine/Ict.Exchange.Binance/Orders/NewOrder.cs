using Ict.Abstractions;

namespace Ict.Exchange.Binance.Orders;

/// <summary>
/// A MARKET or LIMIT order for /fapi/v1/order. <paramref name="ReferencePrice"/> (the mark price, or the last price) is
/// used for the MIN_NOTIONAL check of a market order and the PERCENT_PRICE check of a limit order.
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
