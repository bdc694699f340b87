using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>The optimised batch code against literal slow readings of the reference, on seeded random walks.</summary>
public sealed class OracleAgreementTests
{
    [Theory]
    [InlineData(41, 1)]
    [InlineData(42, 3)]
    [InlineData(43, 7)]
    public void SwingCandidates_OnRandomWalks_MatchTheLiteralWindow(int seed, int length)
    {
        var series = SyntheticSeries.RandomWalk(3000, seed);
        var candidates = NaiveReference.SwingCandidates(series, length);
        var swings = SwingHighsLows.Compute(series, length);

        // Every kept swing (book-ends aside) is a candidate of the same type, and every candidate run keeps one swing.
        foreach (var row in swings.Positions().Where(p => p != 0 && p != series.Count - 1))
        {
            Assert.Equal(candidates[row], swings.HighLow[row]);
        }

        var runs = 0;
        var previous = 0;
        foreach (var k in candidates.Where(k => k != 0))
        {
            runs += k != previous ? 1 : 0;
            previous = k;
        }

        Assert.Equal(runs + 2, swings.Positions().Length);
    }

    [Theory]
    [InlineData(51, false)]
    [InlineData(52, true)]
    public void FvgMitigation_OnRandomWalks_MatchesAForwardScan(int seed, bool join)
    {
        var series = SyntheticSeries.RandomWalk(5000, seed);
        var r = Fvg.Compute(series, join);

        Assert.Equal(NaiveReference.FvgMitigation(series, r), r.MitigatedIndex);
    }

    [Theory]
    [InlineData(61, 2, false)]
    [InlineData(62, 3, true)]
    [InlineData(63, 5, false)]
    [InlineData(64, 1, true)]
    public void OrderBlocks_OnRandomWalks_MatchTheActiveListScan(int seed, int length, bool closeMitigation)
    {
        var series = SyntheticSeries.RandomWalk(5000, seed);
        var swings = SwingHighsLows.Compute(series, length);
        var r = OrderBlocks.Compute(series, swings, closeMitigation);
        var (ob, top, bottom, mitigated) = NaiveReference.OrderBlocks(series, swings, closeMitigation);

        Assert.Contains(r.MitigatedIndex, m => m > 0);
        for (var i = 0; i < series.Count; i++)
        {
            Assert.Equal(ob[i] == 0 ? double.NaN : ob[i], r.Direction[i]);
            if (ob[i] != 0)
            {
                Assert.Equal((top[i], bottom[i], (double)mitigated[i]), (r.Top[i], r.Bottom[i], r.MitigatedIndex[i]));
            }
        }
    }
}
