using System.Globalization;
using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Causal;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// The causal retracement rows, once emitted, equal smc's batch on the same swings without the book-ends; against smc's own
/// output (with the book-ends) they differ only in the longer warm-up at the start.
/// </summary>
public sealed class CausalRetracementTests
{
    [SkippableFact]
    public void CausalRetracements_OnEurusd_EqualBatchOnSwingsWithoutBookEndsUpToTheNewestSwing() => AssertAgrees(SmcData.Input(), 5);

    [Theory]
    [InlineData(51, 3)]
    [InlineData(52, 5)]
    [InlineData(53, 1)]
    [InlineData(54, 10)]
    public void CausalRetracements_OnRandomWalks_EqualBatchOnSwingsWithoutBookEndsUpToTheNewestSwing(int seed, int length) =>
        AssertAgrees(SyntheticSeries.RandomWalk(4000, seed), length);

    [SkippableFact]
    public void CausalRetracements_OnEurusd_EqualSmcsFileOnEveryEmittedRow()
    {
        var series = SmcData.Input();
        var expected = File.ReadAllLines(SmcData.Require("retracements_result_data.csv")).Skip(1).ToArray();
        var causal = CausalReplayMore.Retracements(series, 5);

        // On this file smc's two book-ends have the same type, so its warm-up ends where the causal one does (row 21).
        Assert.True(causal.Count > series.Count - 10, $"only {causal.Count} of {series.Count} rows emitted");
        Assert.Equal(21, causal.First(e => e.Direction != 0).Row);
        Assert.All(causal, e => Assert.Equal(expected[e.Row], string.Join(',',
            e.Direction.ToString(CultureInfo.InvariantCulture), PythonFloatFormat.Format(e.CurrentRetracement), PythonFloatFormat.Format(e.DeepestRetracement))));
    }

    [Theory]
    [InlineData(51, 3)]
    [InlineData(52, 5)]
    [InlineData(53, 1)]
    [InlineData(54, 10)]
    [InlineData(55, 4)]
    [InlineData(56, 6)]
    public void CausalRetracements_OnRandomWalks_DifferFromSmcOnlyInTheWarmUpWhenTheBookEndsAgree(int seed, int length)
    {
        var series = SyntheticSeries.RandomWalk(4000, seed);
        var swings = SwingHighsLows.Compute(series, length);
        var smc = Retracements.Compute(series, swings);
        var causal = CausalReplayMore.Retracements(series, length);
        var firstCausal = causal.First(e => e.Direction != 0).Row;
        var differing = causal.Where(e => (e.Direction, e.CurrentRetracement, e.DeepestRetracement) !=
            (smc.Direction[e.Row], smc.CurrentRetracement[e.Row], smc.DeepestRetracement[e.Row])).Select(e => e.Row).ToList();

        var firstSmc = Enumerable.Range(0, series.Count).First(i => smc.Direction[i] != 0);

        // smc's wrap-around shift compares the last row's direction (the end book-end) with row 0's (the start book-end) and
        // counts a change when they differ, as the causal warm-up always does. When they are equal, smc's warm-up ends one
        // swing later; those rows are the only difference.
        Assert.Equal(swings.HighLow[0] == swings.HighLow[^1], differing.Count > 0);
        Assert.All(differing, row => Assert.True(row >= firstCausal && row < firstSmc, $"row {row} differs outside the warm-up"));
    }

    private static void AssertAgrees(OhlcvSeries series, int length)
    {
        var swings = CausalReplay.WithoutBookEnds(SwingHighsLows.Compute(series, length));
        var batch = Retracements.Compute(series, swings);
        var causal = CausalReplayMore.Retracements(series, length);
        var newestSwing = swings.Positions()[^1];

        // Rows 0 .. newest swing are final; the rest can still change if that swing is replaced.
        Assert.Equal(newestSwing + 1, causal.Count);
        Assert.Contains(causal, e => e.Direction != 0);
        Assert.All(causal, e => Assert.Equal(
            (batch.Direction[e.Row], batch.CurrentRetracement[e.Row], batch.DeepestRetracement[e.Row]),
            (e.Direction, e.CurrentRetracement, e.DeepestRetracement)));
        // A row is emitted by the candle that confirms a swing at or after the row's computed candle (row - 1).
        Assert.All(causal, e => Assert.True(e.ConfirmedRow - length >= e.Row - 1, $"row {e.Row} confirmed at {e.ConfirmedRow}"));
    }
}
