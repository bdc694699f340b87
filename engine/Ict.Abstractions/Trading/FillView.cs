namespace Ict.Abstractions;

/// <summary>A read-only view of one fill (execution) of an order.</summary>
/// <param name="ClientOrderId">The order that filled.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">The filled quantity.</param>
/// <param name="Price">The fill price, slippage included.</param>
/// <param name="Fee">The fee paid, in the quote asset.</param>
/// <param name="Time">Engine time of the fill.</param>
public sealed record FillView(
    string ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    DateTimeOffset Time);
