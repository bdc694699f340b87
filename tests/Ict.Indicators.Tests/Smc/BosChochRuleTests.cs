using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class BosChochRuleTests
{
    [Fact]
    public void BosChoch_WhenHigherLowThenHigherHigh_MarksBullishBosOnTheBrokenSwingRow()
    {
        var swings = Bars.Swings(10, (1, -1, 1), (3, 1, 3), (5, -1, 2), (7, 1, 4));

        var r = BosChoch.Compute(Closes(10, (8, 3.5)), swings);

        Assert.Equal(1, r.Bos[3]);
        Assert.True(double.IsNaN(r.Choch[3]));
        Assert.Equal(3f, r.Level[3]);
        Assert.Equal(8, r.BrokenIndex[3]);
        Assert.Equal(1, r.Bos.Count(b => !double.IsNaN(b)));
    }

    [Fact]
    public void BosChoch_WhenLowerLowThenBreakAboveTheHigh_MarksBullishChoch()
    {
        var swings = Bars.Swings(10, (1, -1, 2), (3, 1, 3), (5, -1, 1), (7, 1, 4));

        var r = BosChoch.Compute(Closes(10, (8, 3.5)), swings);

        Assert.Equal(1, r.Choch[3]);
        Assert.True(double.IsNaN(r.Bos[3]));
    }

    [Fact]
    public void BosChoch_WhenTheCloseOnlyEqualsTheLevel_IsNotBrokenAndIsCleared()
    {
        var swings = Bars.Swings(10, (1, -1, 1), (3, 1, 3), (5, -1, 2), (7, 1, 4));

        var r = BosChoch.Compute(Closes(10, (8, 3.0)), swings);

        Assert.All(r.Bos, b => Assert.True(double.IsNaN(b)));
        Assert.All(r.BrokenIndex, b => Assert.True(double.IsNaN(b)));
    }

    [Fact]
    public void BosChoch_WhenCloseBreakIsFalse_BreaksOnTheHigh()
    {
        var swings = Bars.Swings(10, (1, -1, 1), (3, 1, 3), (5, -1, 2), (7, 1, 4));
        var bars = Bars.Of([.. Enumerable.Range(0, 10).Select(i => (2.0, i == 6 ? 3.2 : 2.5, 1.5, 2.0))]);

        Assert.True(double.IsNaN(BosChoch.Compute(bars, swings, closeBreak: true).BrokenIndex[3]));
        Assert.Equal(6, BosChoch.Compute(bars, swings, closeBreak: false).BrokenIndex[3]);
    }

    [Fact]
    public void BosChoch_BreaksAgainstTheFloat32Level()
    {
        // float32(1.1) = 1.10000002384..., so a close of 1.100000001 is above the float64 level but not the stored one.
        var swings = Bars.Swings(10, (1, -1, 1.0), (3, 1, 1.1), (5, -1, 1.05), (7, 1, 1.2));

        var r = BosChoch.Compute(Closes(10, 1.0, (8, 1.100000001)), swings);

        Assert.All(r.BrokenIndex, b => Assert.True(double.IsNaN(b)));
    }

    [Fact]
    public void BosChoch_WhenALaterSignalBreaksNoLater_SupersedesTheEarlierButKeepsItsBrokenIndex()
    {
        // Row 3 (level 3) and row 7 (level 4) both break first at row 12.
        var swings = Bars.Swings(14, (1, -1, 1), (3, 1, 3), (5, -1, 2), (7, 1, 4), (9, -1, 3.5), (11, 1, 5));

        var r = BosChoch.Compute(Closes(14, (12, 4.5)), swings);

        Assert.True(double.IsNaN(r.Bos[3]));
        Assert.True(float.IsNaN(r.Level[3]));
        Assert.Equal(12, r.BrokenIndex[3]);
        Assert.Equal((1.0, 4f, 12.0), (r.Bos[7], r.Level[7], r.BrokenIndex[7]));
    }

    /// <summary>Flat candles closing at 2.5 except the given rows.</summary>
    private static OhlcvSeries Closes(int n, params (int Row, double Close)[] changes) => Closes(n, 2.5, changes);

    private static OhlcvSeries Closes(int n, double flat, params (int Row, double Close)[] changes) =>
        Bars.Of([.. Enumerable.Range(0, n).Select(i =>
        {
            var c = flat;
            foreach (var change in changes)
            {
                c = change.Row == i ? change.Close : c;
            }

            return (flat, Math.Max(flat, c), Math.Min(flat, c), c);
        })]);
}
