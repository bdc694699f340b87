using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class FvgRuleTests
{
    private static readonly (double, double, double, double)[] BullishGap =
    [
        (9.5, 10, 9, 9.8),      // high 10
        (10, 12.5, 9.5, 12),    // bullish middle candle
        (12, 13, 11, 12.8),     // low 11 > 10: gap 10..11
        (12.8, 12.9, 10.5, 11), // low 10.5 <= 11: touches the top
    ];

    [Fact]
    public void Fvg_WhenMiddleCandleIsBullishAndHighBeforeIsBelowLowAfter_MarksTheMiddleRow()
    {
        var r = Fvg.Compute(Bars.Of(BullishGap));

        Assert.Equal([double.NaN, 1, double.NaN, double.NaN], r.Direction);
        Assert.Equal(11, r.Top[1]);
        Assert.Equal(10, r.Bottom[1]);
        Assert.Equal(3, r.MitigatedIndex[1]);
    }

    [Fact]
    public void Fvg_WhenTheMiddleCandleIsBearish_GivesNoBullishGap()
    {
        var bars = (((double, double, double, double)[])BullishGap.Clone());
        bars[1] = (12, 12.5, 9.5, 10);

        Assert.All(Fvg.Compute(Bars.Of(bars)).Direction, d => Assert.True(double.IsNaN(d)));
    }

    [Fact]
    public void Fvg_WhenTheGapIsNeverTouched_MitigatedIndexIsZeroNotNaN()
    {
        var bars = (((double, double, double, double)[])BullishGap.Clone());
        bars[3] = (12.8, 13.5, 11.5, 13);

        Assert.Equal(0, Fvg.Compute(Bars.Of(bars)).MitigatedIndex[1]);
    }

    [Fact]
    public void Fvg_WhenBearish_UsesLowBeforeAsTopAndHighAfterAsBottom()
    {
        var r = Fvg.Compute(Bars.Of((11, 12, 10, 10.5), (10.5, 10.6, 8, 8.2), (8.2, 9, 7, 7.5), (7.5, 9, 7.4, 8.9)));

        Assert.Equal(-1, r.Direction[1]);
        Assert.Equal((10.0, 9.0), (r.Top[1], r.Bottom[1]));
        Assert.Equal(3, r.MitigatedIndex[1]); // high 9 >= bottom 9: a touch is enough
    }

    [Fact]
    public void Fvg_WhenJoinConsecutive_MergesAdjacentGapsOntoTheLastRow()
    {
        var bars = Bars.Of((9, 10, 8.5, 9.5), (10.2, 11, 10.1, 10.9), (11.2, 12, 10.5, 11.9), (12.2, 13, 11.5, 12.9));

        var plain = Fvg.Compute(bars);
        var joined = Fvg.Compute(bars, joinConsecutive: true);

        Assert.Equal((1.0, 10.5, 10.0), (plain.Direction[1], plain.Top[1], plain.Bottom[1]));
        Assert.Equal((1.0, 11.5, 11.0), (plain.Direction[2], plain.Top[2], plain.Bottom[2]));
        Assert.True(double.IsNaN(joined.Direction[1]));
        Assert.Equal((1.0, 11.5, 10.0, 0.0), (joined.Direction[2], joined.Top[2], joined.Bottom[2], joined.MitigatedIndex[2]));
    }
}
