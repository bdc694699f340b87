using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class OrderBlockRuleTests
{
    private static readonly (double, double, double, double)[] Leg =
    [
        (9, 9.5, 8.5, 9),
        (9, 10, 8.8, 9.5),     // swing high 10
        (9.5, 9.6, 8.0, 8.2),
        (8.2, 8.6, 7.5, 8.5),  // lowest low between the swing and the trigger: the order block
        (8.5, 10.6, 8.4, 10.5),// close 10.5 > 10: trigger
        (10.5, 11, 10, 10.8),
        (10.8, 10.9, 7.4, 8),  // low 7.4 < bottom 7.5: breaker
        (8, 8.5, 7.8, 8.2),
    ];

    private static readonly double[] Volume = [1, 2, 3, 4, 5, 6, 7, 8];

    [Fact]
    public void Ob_WhenCloseBreaksTheSwingHigh_PutsTheBlockOnTheLowestCandleSinceTheSwing()
    {
        var r = OrderBlocks.Compute(Bars.Of(Volume, Leg), Bars.Swings(8, (1, 1, 10)));

        Assert.Equal(1, r.Direction[3]);
        Assert.Equal((8.6f, 7.5f), (r.Top[3], r.Bottom[3]));
        Assert.Equal(12f, r.Volume[3]);             // 5 + 4 + 3
        Assert.Equal(100f / 3f, r.Percentage[3], 4); // min(9, 3) / max(9, 3) * 100
        Assert.Equal(1, r.Direction.Count(d => !double.IsNaN(d)));
    }

    [Fact]
    public void Ob_WhenBullishBlockIsBrokenBelow_RecordsTheRowBeforeTheBreak()
    {
        var r = OrderBlocks.Compute(Bars.Of(Volume, Leg), Bars.Swings(8, (1, 1, 10)));

        Assert.Equal(5, r.MitigatedIndex[3]); // the break is on row 6; smc writes i - 1
    }

    [Fact]
    public void Ob_WhenCloseMitigation_IgnoresAWickBelowTheBottom()
    {
        var r = OrderBlocks.Compute(Bars.Of(Volume, Leg), Bars.Swings(8, (1, 1, 10)), closeMitigation: true);

        Assert.Equal(0, r.MitigatedIndex[3]); // body low min(10.8, 8) = 8 stays above 7.5
    }

    [Fact]
    public void Ob_WhenABreakerIsTradedBackThroughItsTop_IsDeleted()
    {
        var bars = (((double, double, double, double)[])Leg.Clone());
        bars[7] = (8, 8.7, 7.8, 8.2); // high 8.7 > top 8.6

        var r = OrderBlocks.Compute(Bars.Of(Volume, bars), Bars.Swings(8, (1, 1, 10)));

        Assert.All(r.Direction, d => Assert.True(double.IsNaN(d)));
    }

    [Fact]
    public void Ob_WhenTheTriggerFollowsTheSwingDirectly_InvertsTheBullishFallbackZone()
    {
        var bars = Bars.Of((9, 9.5, 8.5, 9), (9, 10, 8.8, 9.5), (9.5, 10.5, 9.4, 10.4), (10.4, 10.6, 10.1, 10.5));

        var r = OrderBlocks.Compute(bars, Bars.Swings(4, (1, 1, 10)));

        Assert.Equal(1, r.Direction[1]);
        Assert.Equal((8.8f, 10f), (r.Top[1], r.Bottom[1])); // top = low, bottom = high
        Assert.Equal(100f, r.Percentage[1]);                // no volume
    }

    [Fact]
    public void Ob_WhenCloseBreaksTheSwingLow_PutsABearishBlockOnTheHighestCandle()
    {
        var bars = Bars.Of((10, 10.5, 9.8, 10), (10, 10.2, 9, 9.5), (9.5, 10.8, 9.4, 10.6), (10.6, 10.7, 9.9, 10), (10, 10.1, 8.5, 8.8), (8.8, 10.9, 8.7, 9));

        var r = OrderBlocks.Compute(bars, Bars.Swings(6, (1, -1, 9)));

        Assert.Equal(-1, r.Direction[2]);
        Assert.Equal((10.8f, 9.4f), (r.Top[2], r.Bottom[2]));
        Assert.Equal(5, r.MitigatedIndex[2]); // high 10.9 > 10.8 on row 5; bearish uses i itself
    }
}
