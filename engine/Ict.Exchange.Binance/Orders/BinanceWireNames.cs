using Ict.Abstractions;

namespace Ict.Exchange.Binance.Orders;

/// <summary>The engine's enums spelled as Binance spells them.</summary>
public static class BinanceWireNames
{
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    public static string Type(OrderType type) => type switch
    {
        OrderType.Market => "MARKET",
        OrderType.Limit => "LIMIT",
        OrderType.StopMarket => "STOP_MARKET",
        OrderType.TakeProfitMarket => "TAKE_PROFIT_MARKET",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Maps an order status (REST or ORDER_TRADE_UPDATE "X") to the engine's.</summary>
    public static OrderStatus Status(string status) => status switch
    {
        "NEW" or "PARTIALLY_FILLED" => OrderStatus.New,
        "FILLED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown Binance order status"),
    };

    /// <summary>
    /// Maps an algo status (NEW, TRIGGERING, TRIGGERED, FINISHED, CANCELED, REJECTED, EXPIRED). Per the "Event: Algo
    /// Order Update" page, TRIGGERED only means the child order was placed in the matching engine, so it is still
    /// working; FINISHED means the child was filled <em>or canceled</em>, which this overload cannot tell apart and
    /// reads as filled: prefer <see cref="AlgoStatus(string, decimal)"/> when the executed quantity is known.
    /// </summary>
    public static OrderStatus AlgoStatus(string status) => status switch
    {
        "NEW" or "TRIGGERING" or "TRIGGERED" => OrderStatus.New,
        "FINISHED" => OrderStatus.Filled,
        "CANCELED" => OrderStatus.Canceled,
        "REJECTED" => OrderStatus.Rejected,
        "EXPIRED" => OrderStatus.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown Binance algo status"),
    };

    /// <summary>
    /// Like <see cref="AlgoStatus(string)"/>, with the child's executed quantity (REST <c>actualQty</c>, ALGO_UPDATE
    /// <c>aq</c>): a FINISHED order whose child executed nothing was canceled in the matching engine, not filled.
    /// </summary>
    public static OrderStatus AlgoStatus(string status, decimal executedQuantity) =>
        status == "FINISHED" && executedQuantity <= 0 ? OrderStatus.Canceled : AlgoStatus(status);
}
