using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class RetracementRuleTests
{
    [Fact]
    public void Retracements_AfterThreeDirectionChanges_ReportShiftedPercentages()
    {
        // Swings: low 1 (row 1), high 3 (row 3), low 2 (row 5), high 4 (row 7).
        double[] highs = [3, 3, 3, 3, 3, 2.6, 2.8, 4, 3, 3];
        double[] lows = [2, 1, 2, 2, 2.5, 2, 2, 2, 3.5, 2];
        var series = new OhlcvSeries([.. highs.Select((_, i) => Bars.Start.AddHours(i))], lows, highs, lows, lows);
        var swings = Bars.Swings(10, (1, -1, 1), (3, 1, 3), (5, -1, 2), (7, 1, 4));

        var r = Retracements.Compute(series, swings);

        Assert.Equal([0, 0, 0, 0, 0, 1, -1, -1, 1, 1], r.Direction);
        // Row 5 shows row 4: 100 - (2.5-1)/(3-1)*100 = 25. Row 6 shows row 5: 100 - (2.6-3)/(2-3)*100 = 60.
        // Row 7 shows row 6: 80, deepest 80. Row 8 shows the new high's row: 0. Row 9: 100 - (3.5-2)/(4-2)*100 = 25.
        Assert.Equal([0, 0, 0, 0, 0, 25, 60, 80, 0, 25], r.CurrentRetracement);
        Assert.Equal([0, 0, 0, 0, 0, 25, 60, 80, 0, 25], r.DeepestRetracement);
    }

    [Theory]
    [InlineData(0.25, 0.2)]
    [InlineData(0.35, 0.4)]
    [InlineData(12.34, 12.3)]
    public void Round1_RoundsLikeNumpyHalfToEvenOnTheScaledValue(double x, double expected) =>
        Assert.Equal(expected, Retracements.Round1(x));
}
