using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>
/// Moves one active pattern forward by one candle. Returns the new snapshot, or <c>null</c> when nothing changed.
/// The rules, in order:
/// <list type="number">
/// <item>Age above the kind's maximum: expired with <c>max_age</c>; nothing else is looked at.</item>
/// <item>The candle's range overlapping the zone (Low ≤ Top and High ≥ Bottom) counts one touch.</item>
/// <item>Order block: a close beyond the far edge (below Bottom for bullish, above Top for bearish) invalidates it
/// with <c>closed_through</c>; otherwise reaching <see cref="ObFvgOptions.ObMaxTouches"/> touches invalidates it with
/// <c>max_touches</c>.</item>
/// <item>Fair value gap: the fill is the deepest penetration so far as a percentage of the height, clamped to 0–100;
/// at 100 it is invalidated with <c>filled</c>. Touches are counted but never end a gap.</item>
/// </list>
/// </summary>
internal static class PatternLifecycle
{
    public static Pattern? Advance(Pattern current, long age, Candle candle, ObFvgOptions options)
    {
        var isOrderBlock = current.Kind == PatternKind.OrderBlock;
        var maxAge = isOrderBlock ? options.ObMaxAgeCandles : options.FvgMaxAgeCandles;
        if (age > maxAge)
        {
            return End(current, current.Touches, current.FilledPercent, PatternState.Expired, EndReasons.MaxAge, candle);
        }

        var touches = candle.Low <= current.Top && candle.High >= current.Bottom ? current.Touches + 1 : current.Touches;
        return isOrderBlock
            ? AdvanceOrderBlock(current, touches, candle, options.ObMaxTouches)
            : AdvanceFairValueGap(current, touches, candle);
    }

    private static Pattern? AdvanceOrderBlock(Pattern current, int touches, Candle candle, int maxTouches)
    {
        var closedThrough = current.Direction == Direction.Bullish
            ? candle.Close < current.Bottom
            : candle.Close > current.Top;
        if (closedThrough)
        {
            return End(current, touches, current.FilledPercent, PatternState.Invalidated, EndReasons.ClosedThrough, candle);
        }

        if (touches >= maxTouches)
        {
            return End(current, touches, current.FilledPercent, PatternState.Invalidated, EndReasons.MaxTouches, candle);
        }

        return touches == current.Touches ? null : current with { Touches = touches };
    }

    private static Pattern? AdvanceFairValueGap(Pattern current, int touches, Candle candle)
    {
        var filled = Math.Max(current.FilledPercent, FillPercent(current, candle));
        if (filled >= 100m)
        {
            return End(current, touches, 100m, PatternState.Invalidated, EndReasons.Filled, candle);
        }

        return touches == current.Touches && filled == current.FilledPercent
            ? null
            : current with { Touches = touches, FilledPercent = filled };
    }

    /// <summary>
    /// How deep this candle reaches into the gap, as (Top − Low) / (Top − Bottom) × 100 for a bullish gap (filled
    /// from above) or (High − Bottom) / (Top − Bottom) × 100 for a bearish one, clamped to 0–100. Taking the maximum
    /// of this over the candles is the same as applying the formula to the lowest low (highest high) so far.
    /// </summary>
    private static decimal FillPercent(Pattern gap, Candle candle)
    {
        var height = gap.Top - gap.Bottom;
        var penetration = gap.Direction == Direction.Bullish ? gap.Top - candle.Low : candle.High - gap.Bottom;
        if (penetration <= 0m)
        {
            return 0m;
        }

        // Detection guarantees height > 0; a penetration of the full height or more is the clamp at 100.
        return penetration >= height ? 100m : penetration / height * 100m;
    }

    private static Pattern End(Pattern current, int touches, decimal filled, PatternState state, string reason, Candle candle) =>
        current with
        {
            Touches = touches,
            FilledPercent = filled,
            State = state,
            EndReason = reason,
            EndedTime = candle.OpenTime,
        };
}
