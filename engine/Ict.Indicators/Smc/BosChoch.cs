namespace Ict.Indicators.Smc;

/// <summary>
/// Break of structure and change of character exactly as smartmoneyconcepts 0.0.27 <c>smc.bos_choch</c> computes them
/// (batch, with unbounded look-ahead).
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>At each swing s_k (k ≥ 3, book-ends included) the last four swings A, B, C, D decide; the signal is written on the
/// row of s_(k-2) (the swing being broken) with Level = B, i.e. before the break and before the swing that confirms it.
/// Bullish BOS: types (-1,+1,-1,+1) and A &lt; C &lt; B &lt; D; bearish BOS mirrored. Bullish CHoCH: D &gt; B &gt; A &gt; C;
/// bearish CHoCH: D &lt; B &lt; A &lt; C. All strict, compared in float64.</item>
/// <item>Level is stored as <b>float32</b>, and the float32 value (widened) is what the break test compares against.</item>
/// <item>The break is the first j ≥ i+2 whose close (or high/low when <c>closeBreak</c> is false) is strictly beyond Level.</item>
/// <item>Supersede: when row i breaks at j, every earlier signal k &lt; i still standing with BrokenIndex[k] ≥ j loses BOS,
/// CHOCH and Level but <b>keeps its BrokenIndex</b>.</item>
/// <item>Signals that never break are cleared entirely; zeros become NaN.</item>
/// </list>
/// </remarks>
public static class BosChoch
{
    /// <summary>Computes BOS/CHoCH from the candles and their swings.</summary>
    /// <param name="series">The candles.</param>
    /// <param name="swings">The output of <see cref="SwingHighsLows.Compute"/> for the same candles.</param>
    /// <param name="closeBreak">smc's <c>close_break</c> (default true): break on the close, else on the high/low.</param>
    public static BosChochResult Compute(OhlcvSeries series, SwingResult swings, bool closeBreak = true)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        var bos = new int[n];
        var choch = new int[n];
        var level = new float[n];
        var pos = swings.Positions();
        var t = swings.HighLow;
        var lv = swings.Level;
        for (var k = 3; k < pos.Length; k++)
        {
            int pa = pos[k - 3], pb = pos[k - 2], pc = pos[k - 1], pd = pos[k];
            double a = lv[pa], b = lv[pb], c = lv[pc], d = lv[pd];
            var bullTypes = t[pa] == -1 && t[pb] == 1 && t[pc] == -1 && t[pd] == 1;
            var bearTypes = t[pa] == 1 && t[pb] == -1 && t[pc] == 1 && t[pd] == -1;
            var row = pb;
            bos[row] = bullTypes && a < c && c < b && b < d ? 1 : bearTypes && a > c && c > b && b > d ? -1 : 0;
            choch[row] = bullTypes && d > b && b > a && a > c ? 1 : bearTypes && d < b && b < a && a < c ? -1 : 0;
            level[row] = bos[row] != 0 || choch[row] != 0 ? (float)b : 0f;
        }

        var broken = FindBreaks(series, bos, choch, level, closeBreak);
        var bosOut = Fvg.Filled(n);
        var chochOut = Fvg.Filled(n);
        var levelOut = new float[n];
        var brokenOut = Fvg.Filled(n);
        for (var i = 0; i < n; i++)
        {
            if ((bos[i] != 0 || choch[i] != 0) && broken[i] == 0)
            {
                bos[i] = choch[i] = 0;
                level[i] = 0f;
            }

            if (bos[i] != 0)
            {
                bosOut[i] = bos[i];
            }

            if (choch[i] != 0)
            {
                chochOut[i] = choch[i];
            }

            levelOut[i] = level[i] != 0f ? level[i] : float.NaN;
            if (broken[i] != 0)
            {
                brokenOut[i] = broken[i];
            }
        }

        return new BosChochResult(bosOut, chochOut, levelOut, brokenOut);
    }

    private static int[] FindBreaks(OhlcvSeries series, int[] bos, int[] choch, float[] level, bool closeBreak)
    {
        var n = series.Count;
        var broken = new int[n];
        var up = new FirstCrossing(closeBreak ? series.Closes : series.Highs);
        var down = closeBreak ? up : new FirstCrossing(series.Lows);
        // Standing broken signals, ascending by row; their BrokenIndex values are strictly ascending too, because each new
        // break first clears every earlier one at or after it. That makes the supersede rule a stack pop.
        var standing = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            if (bos[i] == 0 && choch[i] == 0)
            {
                continue;
            }

            var bullish = bos[i] == 1 || choch[i] == 1;
            var j = bullish ? up.FirstAbove(i + 2, level[i]) : down.FirstBelow(i + 2, level[i]);
            if (j < 0)
            {
                continue;
            }

            broken[i] = j;
            while (standing.Count > 0 && broken[standing.Peek()] >= j)
            {
                var k = standing.Pop();
                bos[k] = choch[k] = 0;
                level[k] = 0f;
            }

            standing.Push(i);
        }

        return broken;
    }
}
