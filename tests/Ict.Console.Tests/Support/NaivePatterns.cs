using System.Globalization;

namespace Ict.Console.Tests.Support;

/// <summary>
/// A deliberately plain second implementation of the ict.ob-fvg pattern rules (issue text, seed defaults), written
/// separately from Ict.Indicators, to check `ict patterns` against. Quadratic and slow on purpose: clarity first.
/// </summary>
internal static class NaivePatterns
{
    public sealed record Row(string Type, string Direction, decimal Top, decimal Bottom, long PatternTime, long DetectedTime, int Touches, decimal Filled, long? Ended, string? Reason);

    private sealed record Bar(long Time, decimal Open, decimal High, decimal Low, decimal Close);

    public static List<Row> Detect(string csvPath)
    {
        var bars = File.ReadLines(csvPath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new Bar(long.Parse(f[0], CultureInfo.InvariantCulture), D(f[1]), D(f[2]), D(f[3]), D(f[4]))).ToList();
        var rows = new List<(int Index, Row Row)>();
        for (var i = 19; i < bars.Count; i++) // the 20th candle is the first analysed
        {
            var c = bars[i];
            var p = bars[i - 1];
            var range = c.High - c.Low;
            if (range > 0 && Math.Abs(c.Close - c.Open) / range > 0.7m)
            {
                if (c.Close > c.Open && p.Close < p.Open)
                {
                    rows.Add((i, Lifecycle(bars, i, "order_block", "bullish", p.High, p.Low, p.Time, c.Time)));
                }
                else if (c.Close < c.Open && p.Close > p.Open)
                {
                    rows.Add((i, Lifecycle(bars, i, "order_block", "bearish", p.High, p.Low, p.Time, c.Time)));
                }
            }

            var c1 = bars[i - 2];
            var c2 = bars[i - 1];
            if (c1.High < c.Low && (c.Low - c1.High) / c.Close * 100m >= 0.1m)
            {
                rows.Add((i, Lifecycle(bars, i, "fvg", "bullish", c.Low, c1.High, c2.Time, c.Time)));
            }
            else if (c1.Low > c.High && (c1.Low - c.High) / c.Close * 100m >= 0.1m)
            {
                rows.Add((i, Lifecycle(bars, i, "fvg", "bearish", c1.Low, c.High, c2.Time, c.Time)));
            }
        }

        return rows.Select(r => r.Row).ToList();
    }

    private static Row Lifecycle(List<Bar> bars, int detected, string type, string direction, decimal top, decimal bottom, long patternTime, long detectedTime)
    {
        var maxAge = type == "order_block" ? 100 : 50;
        var touches = 0;
        var filled = 0m;
        for (var j = detected + 1; j < bars.Count; j++)
        {
            var bar = bars[j];
            if (j - (detected - 1) > maxAge)
            {
                return new Row(type, direction, top, bottom, patternTime, detectedTime, touches, filled, bar.Time, "max_age");
            }

            if (bar.Low <= top && bar.High >= bottom)
            {
                touches++;
            }

            if (type == "order_block")
            {
                var through = direction == "bullish" ? bar.Close < bottom : bar.Close > top;
                if (through || touches >= 3)
                {
                    return new Row(type, direction, top, bottom, patternTime, detectedTime, touches, 0m, bar.Time, through ? "closed_through" : "max_touches");
                }
            }
            else
            {
                var depth = direction == "bullish" ? (top - bar.Low) / (top - bottom) * 100m : (bar.High - bottom) / (top - bottom) * 100m;
                filled = Math.Max(filled, Math.Clamp(depth, 0m, 100m));
                if (filled >= 100m)
                {
                    return new Row(type, direction, top, bottom, patternTime, detectedTime, touches, 100m, bar.Time, "filled");
                }
            }
        }

        return new Row(type, direction, top, bottom, patternTime, detectedTime, touches, filled, null, null);
    }

    public static List<Row> ReadOutput(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Select(f => new Row(
            f[0], f[1], D(f[2]), D(f[3]), long.Parse(f[4], CultureInfo.InvariantCulture), long.Parse(f[5], CultureInfo.InvariantCulture),
            int.Parse(f[6], CultureInfo.InvariantCulture), D(f[7]), f[8].Length == 0 ? null : long.Parse(f[8], CultureInfo.InvariantCulture),
            f[9].Length == 0 ? null : f[9])).ToList();

    private static decimal D(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
