namespace Ict.Indicators.Smc;

/// <summary>
/// Liquidity (equal highs / equal lows) exactly as smartmoneyconcepts 0.0.27 <c>smc.liquidity</c> computes it
/// (batch, with look-ahead over the whole series).
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>The band half-width is (max high − min low over <b>all</b> rows) × rangePercent: a global, look-ahead constant.</item>
/// <item>For each unconsumed swing high i (lows mirrored): Swept = first j ≥ i+1 with high ≥ Level+band (0 if none). Later swing
/// highs are scanned until the first one at or after Swept; each unconsumed one inside [Level−band, Level+band] joins the group
/// and is consumed; ones outside are skipped without stopping the scan.</item>
/// <item>A group needs at least 2 members; its Level is the arithmetic mean (summed in row order), End its last member's row.</item>
/// <item>The book-end swings of <see cref="SwingHighsLows"/> take part. All four columns are <b>float32</b>, so large row
/// numbers in End/Swept (above 2^24) lose precision exactly as in smc.</item>
/// </list>
/// </remarks>
public static class Liquidity
{
    /// <summary>Computes the liquidity groups from the candles and their swings.</summary>
    /// <param name="series">The candles.</param>
    /// <param name="swings">The output of <see cref="SwingHighsLows.Compute"/> for the same candles.</param>
    /// <param name="rangePercent">smc's <c>range_percent</c> (default 0.01).</param>
    public static LiquidityResult Compute(OhlcvSeries series, SwingResult swings, double rangePercent = 0.01)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        var result = new LiquidityResult(NaNs(n), NaNs(n), NaNs(n), NaNs(n));
        if (n == 0)
        {
            return result;
        }

        var pipRange = (Max(series.Highs) - Min(series.Lows)) * rangePercent;
        Group(series, swings, result, pipRange, bullish: true);
        Group(series, swings, result, pipRange, bullish: false);
        return result;
    }

    private static void Group(OhlcvSeries s, SwingResult swings, LiquidityResult r, double pipRange, bool bullish)
    {
        var wanted = bullish ? 1.0 : -1.0;
        var rows = new List<int>();
        for (var i = 0; i < swings.HighLow.Length; i++)
        {
            if (swings.HighLow[i] == wanted)
            {
                rows.Add(i);
            }
        }

        var consumed = new bool[rows.Count];
        var finder = new FirstCrossing(bullish ? s.Highs : s.Lows);
        for (var a = 0; a < rows.Count; a++)
        {
            if (consumed[a])
            {
                continue;
            }

            var i = rows[a];
            var level = swings.Level[i];
            var low = level - pipRange;
            var high = level + pipRange;
            var swept = bullish ? finder.FirstAtOrAbove(i + 1, high) : finder.FirstAtOrBelow(i + 1, low);
            if (swept < 0)
            {
                swept = 0;
            }

            var sum = level;
            var count = 1;
            var end = i;
            for (var b = a + 1; b < rows.Count; b++)
            {
                var j = rows[b];
                if (swept != 0 && j >= swept)
                {
                    break;
                }

                var lj = swings.Level[j];
                if (!consumed[b] && low <= lj && lj <= high)
                {
                    sum += lj;
                    count++;
                    end = j;
                    consumed[b] = true;
                }
            }

            if (count > 1)
            {
                r.Direction[i] = bullish ? 1f : -1f;
                r.Level[i] = (float)(sum / count);
                r.End[i] = end;
                r.Swept[i] = swept;
            }
        }
    }

    private static float[] NaNs(int n)
    {
        var a = new float[n];
        Array.Fill(a, float.NaN);
        return a;
    }

    private static double Max(double[] x)
    {
        var m = double.NegativeInfinity;
        foreach (var v in x)
        {
            m = v > m || double.IsNaN(v) ? v : m;
        }

        return m;
    }

    private static double Min(double[] x)
    {
        var m = double.PositiveInfinity;
        foreach (var v in x)
        {
            m = v < m || double.IsNaN(v) ? v : m;
        }

        return m;
    }
}
