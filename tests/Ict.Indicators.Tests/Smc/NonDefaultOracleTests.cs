using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// bos_choch and liquidity with non-default parameters (close_break = false, other swing lengths, other range_percent)
/// against literal quadratic readings of smc's loops, on seeded random walks with ties. The golden files only cover
/// close_break = true, swing_length = 5 and range_percent = 0.01.
/// </summary>
public sealed class NonDefaultOracleTests
{
    [Theory]
    [InlineData(71, 2, false)]
    [InlineData(72, 3, false)]
    [InlineData(73, 7, true)]
    [InlineData(74, 1, false)]
    public void BosChoch_OnRandomWalks_MatchesTheLiteralLoops(int seed, int length, bool closeBreak)
    {
        var series = SyntheticSeries.RandomWalk(3000, seed);
        var swings = SwingHighsLows.Compute(series, length);
        var r = BosChoch.Compute(series, swings, closeBreak);
        var (bos, choch, level, broken) = LiteralBosChoch(series, swings, closeBreak);

        Assert.Contains(bos, b => b != 0);
        Assert.Contains(choch, c => c != 0);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(bos[i] == 0 ? double.NaN : bos[i], r.Bos[i]);
            Assert.Equal(choch[i] == 0 ? double.NaN : choch[i], r.Choch[i]);
            Assert.Equal(level[i] == 0 ? float.NaN : level[i], r.Level[i]);
            Assert.Equal(broken[i] == 0 ? double.NaN : broken[i], r.BrokenIndex[i]);
        }
    }

    [Theory]
    [InlineData(81, 2, 0.05)]
    [InlineData(82, 3, 0.002)]
    [InlineData(83, 1, 0.2)]
    public void Liquidity_OnRandomWalks_MatchesTheLiteralLoops(int seed, int length, double rangePercent)
    {
        var series = SyntheticSeries.RandomWalk(2000, seed);
        var swings = SwingHighsLows.Compute(series, length);
        var r = Liquidity.Compute(series, swings, rangePercent);
        var expected = LiteralLiquidity(series, swings, rangePercent);

        Assert.Contains(expected, e => e.Dir != 0);
        for (var i = 0; i < series.Count; i++)
        {
            var (dir, lvl, end, swept) = expected[i];
            Assert.Equal(dir == 0 ? float.NaN : dir, r.Direction[i]);
            Assert.Equal(dir == 0 ? float.NaN : (float)lvl, r.Level[i]);
            Assert.Equal(dir == 0 ? float.NaN : end, r.End[i]);
            Assert.Equal(dir == 0 ? float.NaN : swept, r.Swept[i]);
        }
    }

    private static (int[] Bos, int[] Choch, float[] Level, int[] Broken) LiteralBosChoch(OhlcvSeries s, SwingResult sw, bool closeBreak)
    {
        var n = s.Count;
        var bos = new int[n];
        var choch = new int[n];
        var level = new float[n];
        var types = new List<double>();
        var levels = new List<double>();
        var rows = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(sw.HighLow[i]))
            {
                continue;
            }

            types.Add(sw.HighLow[i]);
            levels.Add(sw.Level[i]);
            rows.Add(i);
            var k = types.Count;
            if (k < 4)
            {
                continue;
            }

            double a = levels[k - 4], b = levels[k - 3], c = levels[k - 2], d = levels[k - 1];
            var up = types[k - 4] == -1 && types[k - 3] == 1 && types[k - 2] == -1 && types[k - 1] == 1;
            var down = types[k - 4] == 1 && types[k - 3] == -1 && types[k - 2] == 1 && types[k - 1] == -1;
            var row = rows[k - 3];
            bos[row] = up && a < c && c < b && b < d ? 1 : down && a > c && c > b && b > d ? -1 : 0;
            choch[row] = up && d > b && b > a && a > c ? 1 : down && d < b && b < a && a < c ? -1 : 0;
            level[row] = bos[row] != 0 || choch[row] != 0 ? (float)b : 0f;
        }

        var broken = new int[n];
        var signals = Enumerable.Range(0, n).Where(i => bos[i] != 0 || choch[i] != 0).ToArray();
        foreach (var i in signals)
        {
            var bullish = bos[i] == 1 || choch[i] == 1;
            for (var j = i + 2; j < n; j++)
            {
                var price = closeBreak ? s.Close[j] : bullish ? s.High[j] : s.Low[j];
                if (bullish ? price > level[i] : price < level[i])
                {
                    broken[i] = j;
                    foreach (var k in signals)
                    {
                        if (k < i && (bos[k] != 0 || choch[k] != 0) && broken[k] >= j)
                        {
                            bos[k] = choch[k] = 0;
                            level[k] = 0f;
                        }
                    }

                    break;
                }
            }
        }

        foreach (var i in signals.Where(i => broken[i] == 0))
        {
            bos[i] = choch[i] = 0;
            level[i] = 0f;
        }

        return (bos, choch, level, broken);
    }

    private static (int Dir, double Level, int End, int Swept)[] LiteralLiquidity(OhlcvSeries s, SwingResult sw, double rangePercent)
    {
        var n = s.Count;
        var result = new (int, double, int, int)[n];
        var pip = (s.High.ToArray().Max() - s.Low.ToArray().Min()) * rangePercent;
        var hl = (double[])sw.HighLow.Clone();
        foreach (var dir in new[] { 1, -1 })
        {
            var rows = Enumerable.Range(0, n).Where(i => hl[i] == dir).ToArray();
            foreach (var i in rows)
            {
                if (hl[i] != dir)
                {
                    continue;
                }

                var lo = sw.Level[i] - pip;
                var hi = sw.Level[i] + pip;
                var swept = 0;
                for (var j = i + 1; j < n; j++)
                {
                    if (dir == 1 ? s.High[j] >= hi : s.Low[j] <= lo)
                    {
                        swept = j;
                        break;
                    }
                }

                var group = new List<double> { sw.Level[i] };
                var end = i;
                foreach (var j in rows.Where(j => j > i))
                {
                    if (swept != 0 && j >= swept)
                    {
                        break;
                    }

                    if (hl[j] == dir && lo <= sw.Level[j] && sw.Level[j] <= hi)
                    {
                        group.Add(sw.Level[j]);
                        end = j;
                        hl[j] = 0;
                    }
                }

                if (group.Count > 1)
                {
                    var sum = 0.0;
                    foreach (var g in group)
                    {
                        sum += g;
                    }

                    result[i] = (dir, sum / group.Count, end, swept);
                }
            }
        }

        return result;
    }
}
