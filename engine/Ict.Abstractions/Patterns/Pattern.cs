namespace Ict.Abstractions;

/// <summary>
/// A detected price pattern and its life so far. A strategy reports the same <see cref="Id"/> again whenever its
/// life changes (a touch, a fill, its end); the engine records the first report as the detection and later ones
/// as updates.
/// </summary>
/// <param name="Id">Unique within the strategy and stable across runs, for example <c>ob:BTCUSDT:15m:1700000000000:bullish</c>.</param>
/// <param name="Kind">The pattern kind.</param>
/// <param name="Direction">Bullish or bearish.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Interval">The candle interval it was found on.</param>
/// <param name="Top">The zone's upper price.</param>
/// <param name="Bottom">The zone's lower price.</param>
/// <param name="PatternTime">The open time of the candle that defines the pattern.</param>
/// <param name="DetectedTime">The open time of the candle whose close completed the pattern.</param>
public sealed record Pattern(
    string Id,
    PatternKind Kind,
    Direction Direction,
    Symbol Symbol,
    Interval Interval,
    decimal Top,
    decimal Bottom,
    DateTimeOffset PatternTime,
    DateTimeOffset DetectedTime)
{
    /// <summary>How many later candles traded into the zone.</summary>
    public int Touches { get; init; }

    /// <summary>How far price has traded into the zone, 0 to 100.</summary>
    public decimal FilledPercent { get; init; }

    /// <summary>Active, invalidated or expired.</summary>
    public PatternState State { get; init; } = PatternState.Active;

    /// <summary>The open time of the candle that ended the pattern, once it has ended.</summary>
    public DateTimeOffset? EndedTime { get; init; }

    /// <summary>Why the pattern ended, for example <c>max_touches</c>, <c>closed_through</c>, <c>filled</c>, <c>max_age</c>.</summary>
    public string? EndReason { get; init; }

    /// <summary>Whether the pattern may still produce a signal.</summary>
    public bool IsActive => State == PatternState.Active;

    /// <summary>Whether a price lies inside the zone, edges included.</summary>
    /// <param name="price">The price to test.</param>
    /// <returns><c>true</c> when <see cref="Bottom"/> ≤ price ≤ <see cref="Top"/>.</returns>
    public bool Contains(decimal price) => price >= Bottom && price <= Top;
}
