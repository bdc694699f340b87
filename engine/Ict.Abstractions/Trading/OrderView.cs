namespace Ict.Abstractions;

/// <summary>A read-only view of an order.</summary>
/// <param name="ClientOrderId">The engine's id for the order, derived from the signal that caused it.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">The order type.</param>
/// <param name="Quantity">The order quantity in base units.</param>
/// <param name="TriggerPrice">The trigger price of a stop or take-profit order.</param>
/// <param name="ReduceOnly">Whether the order may only reduce a position.</param>
/// <param name="Status">Where the order is in its life.</param>
/// <param name="CreatedAt">Engine time the intent was recorded.</param>
/// <param name="UpdatedAt">Engine time of the last status change.</param>
public sealed record OrderView(
    string ClientOrderId,
    Symbol Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? TriggerPrice,
    bool ReduceOnly,
    OrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
