using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Causal;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// The causal liquidity groups after the last candle equal smc's batch on the same swings without the book-ends when given smc's
/// (whole-series) band; the running band and the book-end groups are the differences by construction.
/// </summary>
public sealed class CausalLiquidityTests
{
    [SkippableFact]
    public void CausalLiquidity_OnEurusdWithTheSeriesRange_EqualsBatchOnSwingsWithoutBookEnds() =>
        AssertAgrees(SmcData.Input(), 5, 0.01);

    [Theory]
    [InlineData(41, 3, 0.01)]
    [InlineData(42, 5, 0.02)]
    [InlineData(43, 2, 0.005)]
    [InlineData(44, 1, 0.01)]
    public void CausalLiquidity_OnRandomWalksWithTheSeriesRange_EqualsBatchOnSwingsWithoutBookEnds(int seed, int length, double percent) =>
        AssertAgrees(SyntheticSeries.RandomWalk(4000, seed), length, percent);

    [SkippableFact]
    public void CausalLiquidity_OnEurusd_NeverReportsSmcsGroupAnchoredOnTheFirstBookEnd()
    {
        var series = SmcData.Input();
        var smc = Liquidity.Compute(series, SmcData.Swings());
        var events = CausalReplayMore.Liquidity(series, 5, 0.01, Range(series));

        // smc's first group (row 0 = 1.0,0.97345555,153.0,171.0) sits on the artificial swing of row 0.
        Assert.Equal(1f, smc.Direction[0]);
        Assert.Equal(153f, smc.End[0]);
        Assert.DoesNotContain(events, e => e.Row == 0);
    }

    [Fact]
    public void CausalLiquidity_WithTheRunningRange_DoesNotGroupHighsThatOnlyTheWholeSeriesBandHolds()
    {
        // Swing length 2. Swing highs on rows 3 (100) and 7 (100.2), swing lows on rows 5 (97) and 12 (50). The whole series
        // spans 100.2 - 50 = 50.2, so smc's band is ±0.502 and the two highs group (level 100.1, end 7, not swept). When row 3
        // is confirmed (candle 5) the candles so far span only 100 - 97 = 3, a band of ±0.03 that does not hold 100.2.
        double[] highs = [99, 99, 99, 100, 99, 98.5, 99, 100.2, 99, 99, 90, 70, 60, 55, 56];
        double[] lows = [98, 98, 98, 99, 98, 97, 98, 99, 98.5, 98.2, 80, 60, 50, 50.5, 51];
        var series = Bars.Of([.. highs.Select((h, i) => (lows[i], h, lows[i], h))]);

        var batch = Liquidity.Compute(series, CausalReplay.WithoutBookEnds(SwingHighsLows.Compute(series, 2)));
        Assert.Equal((1f, 100.1f, 7f, 0f), (batch.Direction[3], batch.Level[3], batch.End[3], batch.Swept[3]));

        var withSeriesRange = CausalReplayMore.Liquidity(series, 2, 0.01, 50.2);
        var formed = Assert.Single(withSeriesRange);
        Assert.Equal((LiquidityEventKind.Formed, 3, 1, 100.1f, 7, 0, 9), (formed.Kind, formed.Row, formed.Direction, formed.Level, formed.End, formed.Swept, formed.ConfirmedRow));

        Assert.Empty(CausalReplayMore.Liquidity(series, 2, 0.01, priceRange: null));
    }

    private static double Range(OhlcvSeries series) => series.Highs.Max() - series.Lows.Min();

    private static void AssertAgrees(OhlcvSeries series, int length, double percent)
    {
        var batch = Liquidity.Compute(series, CausalReplay.WithoutBookEnds(SwingHighsLows.Compute(series, length)), percent);
        var events = CausalReplayMore.Liquidity(series, length, percent, Range(series));
        var standing = CausalReplayMore.StandingGroups(events);
        var expected = Enumerable.Range(0, series.Count).Where(i => !float.IsNaN(batch.Direction[i])).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, standing.Keys.ToList());
        foreach (var i in expected)
        {
            var e = standing[i];
            Assert.Equal((batch.Direction[i], batch.Level[i], batch.End[i], batch.Swept[i]), (e.Direction, e.Level, e.End, e.Swept));
        }

        // Nothing is known before it happened: a member L candles after its row, a sweep on its own candle.
        Assert.All(events.Where(e => e.Kind is LiquidityEventKind.Formed or LiquidityEventKind.Updated),
            e => Assert.True(e.ConfirmedRow == e.End + length || e.ConfirmedRow > e.End + length, $"row {e.Row}: end {e.End} confirmed at {e.ConfirmedRow}"));
        Assert.All(events.Where(e => e.Kind == LiquidityEventKind.Swept), e => Assert.Equal(e.Swept, e.ConfirmedRow));
    }
}
