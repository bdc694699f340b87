namespace Ict.Indicators.Smc;

/// <summary>
/// Retracement percentages exactly as smartmoneyconcepts 0.0.27 <c>smc.retracements</c> computes them.
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>Direction follows the last swing (1 high, -1 low). The "after a high" step tests the <b>previous</b> row's direction
/// (at row 0 it reads the still-zero last element), the "after a low" step the current row's, and the second overwrites the first.</item>
/// <item>Values are rounded like numpy's <c>round(x, 1)</c>: rint(x·10)/10, half to even. A zero swing range gives 0.</item>
/// <item>All three columns are then shifted down one row (np.roll: row 0 receives the last row's value).</item>
/// <item>Warm-up: rows are zeroed from the top until the direction has changed three times, and the row after the third change is
/// zeroed too. If it never changes three times, every row but the last is zeroed.</item>
/// <item>The swing levels carry <see cref="SwingHighsLows"/>' look-ahead, so these values do too.</item>
/// </list>
/// </remarks>
public static class Retracements
{
    /// <summary>Computes the retracements from the candles and their swings.</summary>
    /// <param name="series">The candles.</param>
    /// <param name="swings">The output of <see cref="SwingHighsLows.Compute"/> for the same candles.</param>
    public static RetracementsResult Compute(OhlcvSeries series, SwingResult swings)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        var dir = new int[n];
        var cur = new double[n];
        var deep = new double[n];
        double top = 0, bottom = 0;
        for (var i = 0; i < n; i++)
        {
            var hl = swings.HighLow[i];
            if (hl == 1)
            {
                dir[i] = 1;
                top = swings.Level[i];
            }
            else if (hl == -1)
            {
                dir[i] = -1;
                bottom = swings.Level[i];
            }
            else
            {
                dir[i] = i > 0 ? dir[i - 1] : 0;
            }

            // numpy's [i - 1] at i = 0 reads the last element.
            var previousDir = dir[(i - 1 + n) % n];
            if (previousDir == 1)
            {
                cur[i] = top == bottom ? 0 : Round1(100 - (((series.Lows[i] - bottom) / (top - bottom)) * 100));
                deep[i] = Math.Max(i > 0 && dir[i - 1] == 1 ? deep[i - 1] : 0, cur[i]);
            }

            if (dir[i] == -1)
            {
                cur[i] = bottom == top ? 0 : Round1(100 - (((series.Highs[i] - top) / (bottom - top)) * 100));
                deep[i] = Math.Max(i > 0 && dir[i - 1] == -1 ? deep[i - 1] : 0, cur[i]);
            }
        }

        Roll(dir);
        Roll(cur);
        Roll(deep);
        WarmUp(dir, cur, deep);
        return new RetracementsResult(dir, cur, deep);
    }

    /// <summary>numpy's round(x, 1).</summary>
    internal static double Round1(double x) => Math.Round(x * 10, MidpointRounding.ToEven) / 10;

    private static void Roll<T>(T[] a)
    {
        if (a.Length < 2)
        {
            return;
        }

        var last = a[^1];
        Array.Copy(a, 0, a, 1, a.Length - 1);
        a[0] = last;
    }

    private static void WarmUp(int[] dir, double[] cur, double[] deep)
    {
        var changes = 0;
        for (var i = 0; i + 1 < dir.Length; i++)
        {
            if (dir[i] != dir[i + 1])
            {
                changes++;
            }

            dir[i] = 0;
            cur[i] = deep[i] = 0;
            if (changes == 3)
            {
                dir[i + 1] = 0;
                cur[i + 1] = deep[i + 1] = 0;
                break;
            }
        }
    }
}
