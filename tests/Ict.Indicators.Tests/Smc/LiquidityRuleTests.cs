using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class LiquidityRuleTests
{
    // Whole range: max high 11 - min low 1 = 10, so range_percent 0.01 gives a band of ±0.1.
    private static readonly double[] Highs = [2, 10, 5, 10.05, 5, 10.5, 11, 3];
    private static readonly double[] Lows = [1.5, 9, 1, 9.5, 4, 9.6, 10, 2];

    [Fact]
    public void Liquidity_WhenTwoSwingHighsAreWithinTheBand_GroupsThemOnTheFirst()
    {
        var r = Liquidity.Compute(Series(), Swings());

        Assert.Equal(1f, r.Direction[1]);
        Assert.Equal((float)((10 + 10.05) / 2), r.Level[1]);
        Assert.Equal(3f, r.End[1]);
        Assert.Equal(5f, r.Swept[1]); // first high >= 10.1 after row 1
        Assert.Equal(1, r.Direction.Count(d => !float.IsNaN(d)));
    }

    [Fact]
    public void Liquidity_WhenTheBandIsNarrower_LeavesSingleSwingsUngrouped()
    {
        var r = Liquidity.Compute(Series(), Swings(), rangePercent: 0.001); // band ±0.01 < 0.05

        Assert.All(r.Direction, d => Assert.True(float.IsNaN(d)));
    }

    [Fact]
    public void Liquidity_WhenNothingSweepsTheGroup_SweptIsZero()
    {
        double[] highs = [2, 10, 5, 10.05, 5, 10.08, 6, 3];
        var series = new OhlcvSeries([.. highs.Select((_, i) => Bars.Start.AddHours(i))], highs, highs, [0, 9, 1, 9.5, 4, 9.6, 5, 2], highs);
        var swings = Bars.Swings(8, (1, 1, 10), (2, -1, 1), (3, 1, 10.05), (4, -1, 4), (5, 1, 10.08));

        var r = Liquidity.Compute(series, swings); // range 10.08 - 0 = 10.08: band ±0.1008

        Assert.Equal(5f, r.End[1]);
        Assert.Equal(0f, r.Swept[1]);
        Assert.Equal((float)((10 + 10.05 + 10.08) / 3), r.Level[1]);
    }

    private static OhlcvSeries Series() =>
        new([.. Highs.Select((_, i) => Bars.Start.AddHours(i))], Highs, Highs, Lows, Highs);

    private static SwingResult Swings() =>
        Bars.Swings(8, (1, 1, 10), (2, -1, 1), (3, 1, 10.05), (4, -1, 4), (5, 1, 10.5));
}
