namespace Ict.Abstractions;

/// <summary>The direction of a position or an entry signal.</summary>
public enum PositionSide
{
    /// <summary>Bought: profits when the price rises.</summary>
    Long = 1,

    /// <summary>Sold: profits when the price falls.</summary>
    Short = 2,
}
