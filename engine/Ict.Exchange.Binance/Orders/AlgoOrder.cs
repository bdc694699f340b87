using Ict.Abstractions;

namespace Ict.Exchange.Binance.Orders;

/// <summary>
/// A STOP_MARKET (stop-loss) or TAKE_PROFIT_MARKET order for /fapi/v1/algoOrder. Either a reduce-only
/// <paramref name="Quantity"/> or <paramref name="ClosePosition"/>.
/// </summary>
public sealed record AlgoOrder(
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal TriggerPrice,
    string ClientAlgoId,
    decimal? Quantity = null,
    bool ClosePosition = false,
    bool ReduceOnly = true,
    string WorkingType = "CONTRACT_PRICE");
