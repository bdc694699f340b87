namespace Ict.Abstractions;

/// <summary>The side of an order.</summary>
public enum OrderSide
{
    /// <summary>A buy order.</summary>
    Buy = 1,

    /// <summary>A sell order.</summary>
    Sell = 2,
}
