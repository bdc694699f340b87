namespace Ict.Indicators.Smc;

/// <summary>
/// Fair value gaps exactly as smartmoneyconcepts 0.0.27 <c>smc.fvg</c> computes them (batch, with look-ahead).
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>The gap is written on the <b>middle</b> candle i of candles i-1, i, i+1, so the row needs one future candle.</item>
/// <item>The middle candle's colour is required: bullish needs close &gt; open, bearish close &lt; open; a doji never gives a gap.</item>
/// <item>Both gap inequalities are strict and there is no minimum size.</item>
/// <item><c>joinConsecutive</c> merges a run of same-sign gaps onto its <b>last</b> row with the union zone, before mitigation.</item>
/// <item>MitigatedIndex is the first row j ≥ i+2 that merely touches the near edge (bullish low ≤ Top, bearish high ≥ Bottom),
/// and <b>0</b> (not NaN) when the gap is never touched.</item>
/// </list>
/// </remarks>
public static class Fvg
{
    /// <summary>Computes the gaps for the whole series.</summary>
    /// <param name="series">The candles.</param>
    /// <param name="joinConsecutive">smc's <c>join_consecutive</c> (default false).</param>
    public static FvgResult Compute(OhlcvSeries series, bool joinConsecutive = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var o = series.Opens;
        var h = series.Highs;
        var l = series.Lows;
        var c = series.Closes;
        var dir = Filled(n);
        var top = Filled(n);
        var bottom = Filled(n);
        for (var i = 1; i < n - 1; i++)
        {
            if (c[i] > o[i] && h[i - 1] < l[i + 1])
            {
                dir[i] = 1;
                top[i] = l[i + 1];
                bottom[i] = h[i - 1];
            }
            else if (c[i] < o[i] && l[i - 1] > h[i + 1])
            {
                dir[i] = -1;
                top[i] = l[i - 1];
                bottom[i] = h[i + 1];
            }
        }

        if (joinConsecutive)
        {
            for (var i = 0; i < n - 1; i++)
            {
                if (!double.IsNaN(dir[i]) && dir[i] == dir[i + 1])
                {
                    top[i + 1] = Math.Max(top[i], top[i + 1]);
                    bottom[i + 1] = Math.Min(bottom[i], bottom[i + 1]);
                    dir[i] = top[i] = bottom[i] = double.NaN;
                }
            }
        }

        var mitigated = Filled(n);
        var lowFinder = new FirstCrossing(l);
        var highFinder = new FirstCrossing(h);
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(dir[i]))
            {
                continue;
            }

            var j = dir[i] == 1 ? lowFinder.FirstAtOrBelow(i + 2, top[i]) : highFinder.FirstAtOrAbove(i + 2, bottom[i]);
            mitigated[i] = j < 0 ? 0 : j;
        }

        return new FvgResult(dir, top, bottom, mitigated);
    }

    internal static double[] Filled(int n)
    {
        var a = new double[n];
        Array.Fill(a, double.NaN);
        return a;
    }
}
