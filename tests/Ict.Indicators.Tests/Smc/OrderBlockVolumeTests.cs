using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Csv;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// smc's order-block volume columns with non-zero volume (the reference data has Volume = 0 everywhere, so the golden
/// files only ever see OBVolume = 0 and Percentage = 100). Expected values are worked by hand from smc's definition:
/// OBVolume = float32(v[i] + v[i-1] + v[i-2]); the two halves are rounded to float32, then
/// Percentage = float32(min / max) * 100 rounded to float32 again.
/// </summary>
public sealed class OrderBlockVolumeTests
{
    private static readonly (double, double, double, double)[] BullLeg =
    [
        (9, 9.5, 8.5, 9),
        (9, 10, 8.8, 9.5),     // swing high 10
        (9.5, 9.6, 8.0, 8.2),
        (8.2, 8.6, 7.5, 8.5),  // lowest low since the swing: the block
        (8.5, 10.6, 8.4, 10.5),// close 10.5 > 10: trigger, i = 4
        (10.5, 11, 10, 10.8),
    ];

    [Fact]
    public void Ob_Bullish_PercentageIsFloat32QuotientTimes100InFloat32()
    {
        // v[4] + v[3] = 2 + 1 = 3 (high side), v[2] = 1 (low side). float32(1/3) = 0.3333333432674408; times 100 is
        // 33.33333432674408, whose nearest float32 is 33.333336 (a float64 1/3*100 would round to 33.333332 instead).
        var r = OrderBlocks.Compute(Bars.Of([0, 0, 1, 1, 2, 0], BullLeg), Bars.Swings(6, (1, 1, 10)));

        Assert.Equal(4f, r.Volume[3]);
        Assert.Equal(33.333336f, r.Percentage[3]);
        Assert.NotEqual((float)(100.0 / 3.0), r.Percentage[3]);
        Assert.Equal("1.0,8.6,7.5,4.0,0.0,33.333336", Lines(r)[4]);
    }

    [Fact]
    public void Ob_Bullish_ObVolumeIsTheSumRoundedToFloat32()
    {
        // 16777216 + 1 + 0 = 16777217 is not a float32: it rounds (to even) to 16777216. The low side is 0, so 0 %.
        var r = OrderBlocks.Compute(Bars.Of([0, 0, 0, 1, 16777216, 0], BullLeg), Bars.Swings(6, (1, 1, 10)));

        Assert.Equal("1.0,8.6,7.5,16777216.0,0.0,0.0", Lines(r)[4]);
    }

    [Fact]
    public void Ob_Bearish_MirrorsTheVolumeSidesAndRoundsTheSameWay()
    {
        var bars = Bars.Of(
            [0, 0, 6, 0, 1, 0],
            (10, 10.5, 9.8, 10),
            (10, 10.2, 9, 9.5),     // swing low 9
            (9.5, 10.8, 9.4, 10.6), // highest high since the swing: the block
            (10.6, 10.7, 9.9, 10),
            (10, 10.1, 8.5, 8.8),   // close 8.8 < 9: trigger, i = 4
            (8.8, 10.9, 8.7, 9));   // high 10.9 > top 10.8: breaker on row 5 (bearish uses i)

        var r = OrderBlocks.Compute(bars, Bars.Swings(6, (1, -1, 9)));

        // Low side v[4] + v[3] = 1, high side v[2] = 6: float32(1/6) = 0.16666667163372, times 100 = 16.666667163372,
        // nearest float32 16.666668 (float64 100/6 would give 16.666666).
        Assert.Equal("-1.0,10.8,9.4,7.0,5.0,16.666668", Lines(r)[3]);
    }

    [Fact]
    public void Ob_WhenTheBookEndSwingIsCrossedOnRow1_CountsTheMissingThirdVolumeAsZero()
    {
        // Row 0 is a (book-end) swing high at 2; close[1] = 2.8 > 2 triggers at i = 1 with no candle in between, so the
        // block is row 0 with the inverted fallback zone (top = low 0.5, bottom = high 2). OBVolume = v1 + v0 = 12
        // (v[-1] does not wrap around to the last row's 11); high side 12, low side 0, so Percentage = 0.
        var bars = Bars.Of([5, 7, 11], (1, 2, 0.5, 1.5), (1.5, 3, 1.8, 2.8), (2.8, 3.2, 2.5, 3));

        var r = OrderBlocks.Compute(bars, Bars.Swings(3, (0, 1, 2)));

        Assert.Equal(["OB,Top,Bottom,OBVolume,MitigatedIndex,Percentage", "1.0,0.5,2.0,12.0,0.0,0.0", ",,,,,", ",,,,,"], Lines(r));
    }

    [Fact]
    public void Ob_WhenAVolumeIsMissing_ComparesTheSidesWithPythonsMaxAndMin()
    {
        // An empty Volume field is NaN. OBVolume = 2 + 1 + NaN = NaN (empty). smc takes max(high, low) and min(high, low)
        // with Python's built-ins, which return the first argument unless the second compares greater (smaller):
        // bullish, high side 3 and low side NaN: max = 3, min = 3, so Percentage = 3 / 3 * 100 = 100.
        var r = OrderBlocks.Compute(Bars.Of([0, 0, double.NaN, 1, 2, 0], BullLeg), Bars.Swings(6, (1, 1, 10)));

        Assert.Equal("1.0,8.6,7.5,,0.0,100.0", Lines(r)[4]);
    }

    [Fact]
    public void Ob_Bearish_WhenTheEarlierVolumeIsMissing_PercentageIsNaN()
    {
        // Bearish: high side v[i-2] = NaN comes first, so max(NaN, 1) = NaN, and NaN != 0 leads to NaN / NaN.
        var bars = Bars.Of(
            [0, 0, double.NaN, 0, 1, 0],
            (10, 10.5, 9.8, 10),
            (10, 10.2, 9, 9.5),
            (9.5, 10.8, 9.4, 10.6),
            (10.6, 10.7, 9.9, 10),
            (10, 10.1, 8.5, 8.8),
            (8.8, 10.9, 8.7, 9));

        var r = OrderBlocks.Compute(bars, Bars.Swings(6, (1, -1, 9)));

        Assert.Equal("-1.0,10.8,9.4,,5.0,", Lines(r)[3]);
    }

    private static string[] Lines(OrderBlockResult r)
    {
        using var writer = new StringWriter();
        SmcCsvWriter.Write(r.ToTable(), writer);
        return writer.ToString().TrimEnd('\n').Split('\n');
    }
}
