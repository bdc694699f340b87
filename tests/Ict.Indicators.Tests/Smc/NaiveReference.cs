using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// Deliberately slow, literal readings of the reference text for the parts the library speeds up (rolling windows, first-
/// crossing searches, the order-block active list), used as an oracle on random data.
/// </summary>
internal static class NaiveReference
{
    /// <summary>Swing candidates: window high[i-L+1 .. i+L], rows 2L-1 .. n-1-L.</summary>
    public static int[] SwingCandidates(OhlcvSeries s, int len)
    {
        var kind = new int[s.Count];
        for (var i = (2 * len) - 1; i <= s.Count - 1 - len; i++)
        {
            double max = double.MinValue, min = double.MaxValue;
            for (var k = i - len + 1; k <= i + len; k++)
            {
                max = Math.Max(max, s.High[k]);
                min = Math.Min(min, s.Low[k]);
            }

            kind[i] = s.High[i] == max ? 1 : s.Low[i] == min ? -1 : 0;
        }

        return kind;
    }

    /// <summary>FVG mitigation by a forward scan.</summary>
    public static double[] FvgMitigation(OhlcvSeries s, FvgResult r)
    {
        var m = Fvg.Filled(s.Count);
        for (var i = 0; i < s.Count; i++)
        {
            if (double.IsNaN(r.Direction[i]))
            {
                continue;
            }

            m[i] = 0;
            for (var j = i + 2; j < s.Count; j++)
            {
                if (r.Direction[i] == 1 ? s.Low[j] <= r.Top[i] : s.High[j] >= r.Bottom[i])
                {
                    m[i] = j;
                    break;
                }
            }
        }

        return m;
    }

    /// <summary>Order blocks with smc's list of active blocks scanned on every candle.</summary>
    public static (int[] Ob, float[] Top, float[] Bottom, int[] Mitigated) OrderBlocks(OhlcvSeries s, SwingResult swings, bool closeMitigation)
    {
        var n = s.Count;
        var ob = new int[n];
        var top = new float[n];
        var bottom = new float[n];
        var mitigated = new int[n];
        var breaker = new bool[n];
        var crossed = new bool[n];
        foreach (var bullish in new[] { true, false })
        {
            var active = new List<int>();
            for (var i = 0; i < n; i++)
            {
                foreach (var idx in active.ToArray())
                {
                    if (breaker[idx])
                    {
                        if (bullish ? s.High[i] > top[idx] : s.Low[i] < bottom[idx])
                        {
                            ob[idx] = 0;
                            top[idx] = bottom[idx] = 0;
                            mitigated[idx] = 0;
                            active.Remove(idx);
                        }
                    }
                    else if (bullish
                        ? (closeMitigation ? Math.Min(s.Open[i], s.Close[i]) : s.Low[i]) < bottom[idx]
                        : (closeMitigation ? Math.Max(s.Open[i], s.Close[i]) : s.High[i]) > top[idx])
                    {
                        breaker[idx] = true;
                        mitigated[idx] = bullish ? i - 1 : i;
                    }
                }

                var last = -1;
                for (var j = 0; j < i; j++)
                {
                    last = swings.HighLow[j] == (bullish ? 1 : -1) ? j : last;
                }

                if (last < 0 || crossed[last] || !(bullish ? s.Close[i] > s.High[last] : s.Close[i] < s.Low[last]))
                {
                    continue;
                }

                crossed[last] = true;
                var row = i - 1;
                double t = bullish ? s.Low[row] : s.High[row], b = bullish ? s.High[row] : s.Low[row];
                if (i - last > 1)
                {
                    row = last + 1;
                    for (var k = last + 1; k < i; k++)
                    {
                        row = bullish ? (s.Low[k] <= s.Low[row] ? k : row) : (s.High[k] >= s.High[row] ? k : row);
                    }

                    t = s.High[row];
                    b = s.Low[row];
                }

                ob[row] = bullish ? 1 : -1;
                top[row] = (float)t;
                bottom[row] = (float)b;
                mitigated[row] = 0;
                active.Add(row);
            }
        }

        return (ob, top, bottom, mitigated);
    }
}
