namespace Ict.Indicators.Smc;

/// <summary>
/// Swing highs and lows exactly as smartmoneyconcepts 0.0.27 <c>smc.swing_highs_lows</c> computes them (batch, with look-ahead).
/// </summary>
/// <remarks>
/// Quirks copied from smc (L = swing length):
/// <list type="bullet">
/// <item>The window of row i is <b>high[i-L+1 .. i+L]</b> (L-1 before, L after): asymmetric, and it uses L future candles.</item>
/// <item>Candidates exist only for 2L-1 ≤ i ≤ n-1-L (pandas' rolling needs a full window). A high needs high[i] = window max
/// (ties allowed); otherwise a low needs low[i] = window min. A high wins when both hold.</item>
/// <item>Same-type neighbours are thinned in rounds, every pair judged on the same list: of two highs the lower goes
/// (the later one on a tie), of two lows the higher goes (the later one on a tie). A later, more extreme swing can remove an
/// earlier one however far away, so the final output depends on the whole future.</item>
/// <item>Book-ends: when any swing remains, row 0 gets the opposite of the first swing and row n-1 the opposite of the last,
/// overwriting whatever was there, without clean-up.</item>
/// </list>
/// </remarks>
public static class SwingHighsLows
{
    /// <summary>Computes the swings for the whole series.</summary>
    /// <param name="series">The candles.</param>
    /// <param name="swingLength">smc's <c>swing_length</c> (default 50).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="swingLength"/> is less than 1.</exception>
    public static SwingResult Compute(OhlcvSeries series, int swingLength = 50)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(swingLength, 1);
        var n = series.Count;
        var h = series.Highs;
        var l = series.Lows;
        var kind = Candidates(h, l, swingLength);
        var positions = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (kind[i] != 0)
            {
                positions.Add(i);
            }
        }

        positions = CleanUp(positions, kind, h, l);
        if (positions.Count > 0)
        {
            kind[0] = (sbyte)-kind[positions[0]];
            kind[n - 1] = (sbyte)-kind[positions[^1]];
        }

        var highLow = Fvg.Filled(n);
        var level = Fvg.Filled(n);
        for (var i = 0; i < n; i++)
        {
            if (kind[i] != 0)
            {
                highLow[i] = kind[i];
                level[i] = kind[i] == 1 ? h[i] : l[i];
            }
        }

        return new SwingResult(highLow, level);
    }

    /// <summary>+1/-1/0 per row from the window test; rolling extremes via monotonic deques, O(n).</summary>
    private static sbyte[] Candidates(double[] h, double[] l, int len)
    {
        var n = h.Length;
        var kind = new sbyte[n];
        var maxQ = new int[n];
        var minQ = new int[n];
        int maxHead = 0, maxTail = 0, minHead = 0, minTail = 0;
        // The window of row i is [i-len+1, i+len]; feed index r = i+len.
        for (var r = 0; r < n; r++)
        {
            while (maxTail > maxHead && !(h[maxQ[maxTail - 1]] > h[r]))
            {
                maxTail--;
            }

            maxQ[maxTail++] = r;
            while (minTail > minHead && !(l[minQ[minTail - 1]] < l[r]))
            {
                minTail--;
            }

            minQ[minTail++] = r;
            var i = r - len;
            var from = i - len + 1;
            if (from < 0 || i < 2 * len - 1)
            {
                continue;
            }

            while (maxQ[maxHead] < from)
            {
                maxHead++;
            }

            while (minQ[minHead] < from)
            {
                minHead++;
            }

            if (h[i] == h[maxQ[maxHead]])
            {
                kind[i] = 1;
            }
            else if (l[i] == l[minQ[minHead]])
            {
                kind[i] = -1;
            }
        }

        return kind;
    }

    // Both tests are written out (not as else) so a NaN price removes nothing, as numpy's masks do.
    private static bool Mark(bool[] remove, int k, bool removeFirst, bool removeSecond)
    {
        remove[k] |= removeFirst;
        remove[k + 1] |= removeSecond;
        return removeFirst || removeSecond;
    }

    private static List<int> CleanUp(List<int> positions, sbyte[] kind, double[] h, double[] l)
    {
        while (positions.Count >= 2)
        {
            var remove = new bool[positions.Count];
            var any = false;
            for (var k = 0; k < positions.Count - 1; k++)
            {
                int a = positions[k], b = positions[k + 1];
                if (kind[a] == 1 && kind[b] == 1)
                {
                    any |= Mark(remove, k, h[a] < h[b], h[a] >= h[b]);
                }
                else if (kind[a] == -1 && kind[b] == -1)
                {
                    any |= Mark(remove, k, l[a] > l[b], l[a] <= l[b]);
                }
            }

            if (!any)
            {
                break;
            }

            var kept = new List<int>(positions.Count);
            for (var k = 0; k < positions.Count; k++)
            {
                if (remove[k])
                {
                    kind[positions[k]] = 0;
                }
                else
                {
                    kept.Add(positions[k]);
                }
            }

            positions = kept;
        }

        return positions;
    }
}
