using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class SwingRuleTests
{
    [Fact]
    public void Swings_WindowLooksOneCandleLessBackThanForward()
    {
        // L = 2: row 4's window is rows 3..6, so the higher high on row 2 (two back) does not stop it; rows before 3 never qualify.
        double[] highs = [5, 6, 10, 7, 9, 8, 7, 6, 5, 4];
        var r = SwingHighsLows.Compute(FromHighs(highs), 2);

        Assert.Equal(-1, r.HighLow[3]);
        Assert.Equal(6, r.Level[3]);
        Assert.Equal(1, r.HighLow[4]);
        Assert.Equal(9, r.Level[4]);
        Assert.Equal([0, 3, 4, 9], r.Positions());
    }

    [Fact]
    public void Swings_WhenAnySwingExists_SetBookEndsOppositeToTheFirstAndLastSwing()
    {
        double[] highs = [5, 6, 10, 7, 9, 8, 7, 6, 5, 4];
        var r = SwingHighsLows.Compute(FromHighs(highs), 2);

        Assert.Equal((1.0, 5.0), (r.HighLow[0], r.Level[0]));   // first swing is a low: row 0 is a high at high[0]
        Assert.Equal((-1.0, 3.0), (r.HighLow[9], r.Level[9]));  // last swing is a high: row 9 is a low at low[9]
    }

    [Fact]
    public void Swings_WhenTwoHighsFollowEachOther_KeepTheHigherOne()
    {
        // L = 1: a high when high[i] >= high[i+1]. Candidates H1(5) L2 H3(6) H4(3); H4 goes.
        var r = SwingHighsLows.Compute(FromHighs([1, 5, 4, 6, 3, 2]), 1);

        Assert.Equal([0, 1, 2, 3, 5], r.Positions());
        Assert.Equal([-1.0, 1, -1, 1, double.NaN, -1], r.HighLow);
    }

    [Fact]
    public void Swings_WhenTwoHighsAreEqual_KeepTheEarlierOne()
    {
        var r = SwingHighsLows.Compute(FromHighs([1, 5, 5, 4, 6, 2]), 1);

        Assert.Equal(1, r.HighLow[1]);
        Assert.True(double.IsNaN(r.HighLow[2]));
        Assert.Equal([0, 1, 3, 4, 5], r.Positions());
    }

    [Fact]
    public void Swings_WhenTheSeriesIsTooShort_AreAllNaN()
    {
        var r = SwingHighsLows.Compute(FromHighs([1, 2, 3]), 2);

        Assert.Empty(r.Positions());
    }

    /// <summary>Lows are the highs minus one.</summary>
    private static OhlcvSeries FromHighs(double[] highs) => Bars.Of([.. highs.Select(h => (h - 0.5, h, h - 1, h - 0.5))]);
}
