using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Causal;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// After the last candle, the causal detectors' confirmed patterns equal the batch output wherever the batch does not depend on
/// candles past the end; the differences by construction (book-ends, the last joined gap) are asserted explicitly.
/// </summary>
public sealed class CausalAgreementTests
{
    public static TheoryData<int, int> Walks => new() { { 11, 3 }, { 12, 5 }, { 13, 10 }, { 14, 1 } };

    [SkippableFact]
    public void CausalSwings_OnEurusd_EqualBatchExceptBookEnds() => AssertSwingsAgree(SmcData.Input(), 5);

    [Theory]
    [MemberData(nameof(Walks))]
    public void CausalSwings_OnRandomWalks_EqualBatchExceptBookEnds(int seed, int length) =>
        AssertSwingsAgree(SyntheticSeries.RandomWalk(4000, seed), length);

    [SkippableFact]
    public void CausalFvg_OnEurusd_EqualsBatch() => AssertFvgAgrees(SmcData.Input(), join: false);

    [SkippableFact]
    public void CausalFvg_WhenJoinConsecutiveOnEurusd_EqualsBatch() => AssertFvgAgrees(SmcData.Input(), join: true);

    [Theory]
    [InlineData(21, false)]
    [InlineData(22, true)]
    public void CausalFvg_OnRandomWalks_EqualsBatch(int seed, bool join) => AssertFvgAgrees(SyntheticSeries.RandomWalk(4000, seed), join);

    [SkippableFact]
    public void CausalBosChoch_OnEurusd_EqualsBatchOnSwingsWithoutBookEnds() => AssertBosChochAgrees(SmcData.Input(), 5, closeBreak: true);

    [Theory]
    [InlineData(31, 3, true)]
    [InlineData(32, 5, false)]
    [InlineData(33, 2, true)]
    public void CausalBosChoch_OnRandomWalks_EqualsBatchOnSwingsWithoutBookEnds(int seed, int length, bool closeBreak) =>
        AssertBosChochAgrees(SyntheticSeries.RandomWalk(4000, seed), length, closeBreak);

    [Fact]
    public void CausalFvg_WhenJoiningAndTheGapIsOnTheSecondToLastRow_DoesNotConfirmItYet()
    {
        // Row 1 is a bullish gap (high[0] = 2 < low[2] = 2.2, candle 1 bullish). The batch keeps it because row 2, the last,
        // can never be a gap; the causal detector needs candle 3 to know the run has ended.
        var series = new OhlcvSeries(
            [new DateTime(2024, 1, 1), new DateTime(2024, 1, 2), new DateTime(2024, 1, 3)],
            [1, 1.5, 2.5], [2, 3, 4], [0.5, 1.4, 2.2], [1.5, 2.5, 3.5]);

        Assert.Equal(1, Fvg.Compute(series, joinConsecutive: true).Direction[1]);
        Assert.Empty(CausalReplay.Fvgs(series, join: true));
        Assert.Single(CausalReplay.Fvgs(series, join: false));
    }

    private static void AssertSwingsAgree(OhlcvSeries series, int length)
    {
        var batch = SwingHighsLows.Compute(series, length);
        var (standing, all) = CausalReplay.Swings(series, length);
        var expected = batch.Positions().Where(p => p != 0 && p != series.Count - 1).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, standing.Keys.ToList());
        foreach (var (row, s) in standing)
        {
            Assert.Equal(batch.HighLow[row], s.Direction);
            Assert.Equal(batch.Level[row], s.Level);
        }

        Assert.All(all, s => Assert.Equal(s.Row + length, s.ConfirmedRow));
    }

    private static void AssertFvgAgrees(OhlcvSeries series, bool join)
    {
        var batch = Fvg.Compute(series, join);
        var events = CausalReplay.Fvgs(series, join);
        var formed = events.Where(e => e.Kind == FvgEventKind.Formed).ToDictionary(e => e.Row);
        var mitigated = events.Where(e => e.Kind == FvgEventKind.Mitigated).ToDictionary(e => e.Row, e => e.ConfirmedRow);
        var n = series.Count;
        // By construction a joined gap on row n-2 is still unconfirmed after the last candle.
        var expectedRows = Enumerable.Range(0, n).Where(i => !double.IsNaN(batch.Direction[i]) && !(join && i == n - 2)).ToList();

        Assert.NotEmpty(expectedRows);
        Assert.Equal(expectedRows, formed.Keys.Order().ToList());
        foreach (var i in expectedRows)
        {
            var e = formed[i];
            Assert.Equal((batch.Direction[i], batch.Top[i], batch.Bottom[i]), (e.Direction, e.Top, e.Bottom));
            Assert.Equal(join ? i + 2 : i + 1, e.ConfirmedRow);
            Assert.Equal(batch.MitigatedIndex[i], mitigated.TryGetValue(i, out var j) ? j : 0);
        }
    }

    private static void AssertBosChochAgrees(OhlcvSeries series, int length, bool closeBreak)
    {
        var swings = CausalReplay.WithoutBookEnds(SwingHighsLows.Compute(series, length));
        var batch = BosChoch.Compute(series, swings, closeBreak);
        var events = CausalReplay.BosChochs(series, length, closeBreak);
        var superseded = events.Where(e => e.Kind == BosChochEventKind.Superseded).Select(e => e.Row).ToHashSet();
        var standing = events.Where(e => e.Kind == BosChochEventKind.Formed && !superseded.Contains(e.Row)).ToDictionary(e => e.Row);
        var broken = events.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => g.Select(e => e.BrokenRow).Distinct().Single());
        var n = series.Count;

        Assert.Contains(events, e => e.Kind == BosChochEventKind.Formed);
        for (var i = 0; i < n; i++)
        {
            var signal = !double.IsNaN(batch.Bos[i]) || !double.IsNaN(batch.Choch[i]);
            Assert.True(signal == standing.ContainsKey(i), $"row {i}: batch signal {signal}, causal standing {standing.ContainsKey(i)}");
            if (signal)
            {
                var e = standing[i];
                Assert.Equal(double.IsNaN(batch.Bos[i]) ? batch.Choch[i] : batch.Bos[i], e.Direction);
                Assert.Equal(!double.IsNaN(batch.Choch[i]), e.IsChoch);
                Assert.Equal(batch.Level[i], e.Level);
            }

            Assert.Equal(double.IsNaN(batch.BrokenIndex[i]) ? -1 : (int)batch.BrokenIndex[i], broken.GetValueOrDefault(i, -1));
        }

        Assert.All(events, e => Assert.True(e.ConfirmedRow >= e.BrokenRow && e.ConfirmedRow >= e.Row + length + 2));
    }
}
