using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>
/// Order block detection. The candle just closed (C) must be an impulse: a range above zero and a body that is
/// strictly more than <see cref="ObFvgOptions.MinBodyRatio"/> of the range. The candle before it (P) must have the
/// opposite colour; a doji P (close equal to open) has no colour. A bullish C after a bearish P gives a bullish block,
/// a bearish C after a bullish P a bearish one. The zone is P's full range (Top = P.High, Bottom = P.Low), the
/// pattern time is P's open time and the detection time is C's open time.
/// </summary>
internal static class OrderBlockRule
{
    public static Pattern? Detect(Candle previous, Candle current, decimal minBodyRatio, PatternIdentity identity)
    {
        var range = current.High - current.Low;
        if (range <= 0m)
        {
            return null;
        }

        // body / range > ratio, written as a product so the comparison is exact (range > 0).
        var body = Math.Abs(current.Close - current.Open);
        if (body <= minBodyRatio * range)
        {
            return null;
        }

        Direction direction;
        if (current.Close > current.Open && previous.Close < previous.Open)
        {
            direction = Direction.Bullish;
        }
        else if (current.Close < current.Open && previous.Close > previous.Open)
        {
            direction = Direction.Bearish;
        }
        else
        {
            return null;
        }

        return new Pattern(
            identity.OrderBlockId(previous.OpenTime, direction),
            PatternKind.OrderBlock,
            direction,
            identity.Symbol,
            identity.Interval,
            previous.High,
            previous.Low,
            previous.OpenTime,
            current.OpenTime);
    }
}
