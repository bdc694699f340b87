namespace Ict.Abstractions;

/// <summary>
/// A strategy's request to open a position. The risk manager sizes or refuses it; the engine attaches the
/// stop-loss and take-profit as reduce-only orders once the entry fills.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Long or short.</param>
/// <param name="EntryPrice">The reference entry price, usually the close of the candle that triggered it.</param>
/// <param name="StopLoss">The stop-loss price: below the entry for a long, above it for a short.</param>
/// <param name="TakeProfit">The take-profit price: above the entry for a long, below it for a short.</param>
public sealed record EntrySignal(
    Symbol Symbol,
    PositionSide Side,
    decimal EntryPrice,
    decimal StopLoss,
    decimal TakeProfit)
{
    /// <summary>The strategy's confidence, 0 to 1. Risk managers may scale leverage with it.</summary>
    public double Confidence { get; init; } = 0.5;

    /// <summary>A short human-readable reason, for example <c>close inside bullish OB + FVG confluence</c>.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The ids of the patterns behind the signal.</summary>
    public IReadOnlyList<string> PatternIds { get; init; } = [];

    /// <summary>The distance between entry and stop-loss: the price risk per unit.</summary>
    public decimal PriceRisk => Math.Abs(EntryPrice - StopLoss);
}
