using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>
/// Fair value gap detection over three consecutive candles c1, c2, c3 (c3 just closed). Bullish when
/// c1.High &lt; c3.Low (Bottom = c1.High, Top = c3.Low); bearish when c1.Low &gt; c3.High (Top = c1.Low,
/// Bottom = c3.High). Equal prices are no gap. The gap is kept only when
/// (Top − Bottom) / c3.Close × 100 ≥ <see cref="ObFvgOptions.FvgMinGapPercent"/>, compared exactly in decimal;
/// a c3 close of zero or below gives no gap. The pattern time is c2's open time, the detection time c3's.
/// </summary>
internal static class FairValueGapRule
{
    public static Pattern? Detect(Candle first, Candle middle, Candle third, decimal minGapPercent, PatternIdentity identity)
    {
        Direction direction;
        decimal top;
        decimal bottom;
        if (first.High < third.Low)
        {
            direction = Direction.Bullish;
            bottom = first.High;
            top = third.Low;
        }
        else if (first.Low > third.High)
        {
            direction = Direction.Bearish;
            top = first.Low;
            bottom = third.High;
        }
        else
        {
            return null;
        }

        // gap / close * 100 >= threshold, written as a product so the comparison is exact (close > 0).
        if (third.Close <= 0m || (top - bottom) * 100m < minGapPercent * third.Close)
        {
            return null;
        }

        return new Pattern(
            identity.FairValueGapId(middle.OpenTime, direction),
            PatternKind.FairValueGap,
            direction,
            identity.Symbol,
            identity.Interval,
            top,
            bottom,
            middle.OpenTime,
            third.OpenTime);
    }
}
