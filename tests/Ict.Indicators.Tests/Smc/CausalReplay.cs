using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Causal;

namespace Ict.Indicators.Tests.Smc;

/// <summary>Feeds a series one candle at a time to the causal detectors and collects what stands after the last candle.</summary>
internal static class CausalReplay
{
    public static (SortedDictionary<int, CausalSwing> Standing, List<CausalSwing> All) Swings(OhlcvSeries series, int length)
    {
        var detector = new CausalSwingDetector(length);
        var standing = new SortedDictionary<int, CausalSwing>();
        var all = new List<CausalSwing>();
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var s in detector.Add(OhlcvBar.At(series, i)))
            {
                Assert.Equal(i, s.ConfirmedRow);
                all.Add(s);
                if (s.ReplacesRow is { } old)
                {
                    Assert.True(standing.Remove(old), $"swing {s.Row} replaces {old}, which is not standing");
                }

                standing.Add(s.Row, s);
            }
        }

        return (standing, all);
    }

    public static List<CausalFvgEvent> Fvgs(OhlcvSeries series, bool join)
    {
        var detector = new CausalFvgDetector(join);
        var all = new List<CausalFvgEvent>();
        for (var i = 0; i < series.Count; i++)
        {
            all.AddRange(detector.Add(OhlcvBar.At(series, i)));
        }

        return all;
    }

    public static List<CausalBosChochEvent> BosChochs(OhlcvSeries series, int length, bool closeBreak)
    {
        var detector = new CausalBosChochDetector(length, closeBreak);
        var all = new List<CausalBosChochEvent>();
        for (var i = 0; i < series.Count; i++)
        {
            all.AddRange(detector.Add(OhlcvBar.At(series, i)));
        }

        return all;
    }

    /// <summary>The batch swings without smc's artificial book-ends on the first and last rows.</summary>
    public static SwingResult WithoutBookEnds(SwingResult swings)
    {
        var highLow = (double[])swings.HighLow.Clone();
        var level = (double[])swings.Level.Clone();
        if (highLow.Length > 0)
        {
            highLow[0] = highLow[^1] = level[0] = level[^1] = double.NaN;
        }

        return new SwingResult(highLow, level);
    }
}

/// <summary>The liquidity and retracement replays.</summary>
internal static class CausalReplayMore
{
    public static List<CausalLiquidityEvent> Liquidity(OhlcvSeries series, int length, double rangePercent, double? priceRange)
    {
        var detector = new CausalLiquidityDetector(length, rangePercent, priceRange);
        var all = new List<CausalLiquidityEvent>();
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                Assert.Equal(i, e.ConfirmedRow);
                all.Add(e);
            }
        }

        return all;
    }

    /// <summary>The groups standing after the last candle: each anchor row's latest event, without the dissolved ones.</summary>
    public static SortedDictionary<int, CausalLiquidityEvent> StandingGroups(IEnumerable<CausalLiquidityEvent> events)
    {
        var standing = new SortedDictionary<int, CausalLiquidityEvent>();
        foreach (var e in events)
        {
            standing[e.Row] = e;
        }

        foreach (var row in standing.Where(p => p.Value.Kind == LiquidityEventKind.Dissolved).Select(p => p.Key).ToList())
        {
            standing.Remove(row);
        }

        return standing;
    }

    public static List<CausalRetracement> Retracements(OhlcvSeries series, int length)
    {
        var detector = new CausalRetracementDetector(length);
        var all = new List<CausalRetracement>();
        for (var i = 0; i < series.Count; i++)
        {
            foreach (var e in detector.Add(OhlcvBar.At(series, i)))
            {
                Assert.Equal(i, e.ConfirmedRow);
                Assert.Equal(all.Count, e.Row);
                all.Add(e);
            }
        }

        Assert.Equal(all.Count, detector.Emitted);
        return all;
    }
}
