using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Causal;

namespace Ict.Indicators.Tests.Smc;

public sealed class CausalOrderBlockTests
{
    // Swing length 1: the swing high on row 1 (10) is confirmed by row 2, the swing low on row 3 (7.5) by row 4.
    private static readonly (double, double, double, double)[] Leg =
    [
        (9, 9.5, 8.5, 9),
        (9, 10, 8.8, 9.5),
        (9.5, 9.6, 8.0, 8.2),
        (8.2, 8.6, 7.5, 8.5),
        (8.5, 10.6, 8.4, 10.5), // close above 10: bullish block on row 3 (lowest low since the swing)
        (10.5, 11, 10, 10.8),
        (10.8, 10.9, 7.4, 8),   // low below 7.5: breaker
        (8, 8.7, 7.8, 8.2),     // high above 8.6: deleted
    ];

    [Fact]
    public void CausalOb_OnAHandMadeLeg_FormsMitigatesAndDeletesOnTheRowsThatShowIt()
    {
        var events = Replay(Bars.Of([1, 2, 3, 4, 5, 6, 7, 8], Leg), 1);

        Assert.Equal(3, events.Count);
        Assert.Equal((OrderBlockEventKind.Formed, 3, 1, 8.6f, 7.5f, 12f, 4), (events[0].Kind, events[0].Row, events[0].Direction, events[0].Top, events[0].Bottom, events[0].Volume, events[0].ConfirmedRow));
        Assert.Equal((OrderBlockEventKind.Mitigated, 5, 6), (events[1].Kind, events[1].MitigatedIndex, events[1].ConfirmedRow));
        Assert.Equal((OrderBlockEventKind.Deleted, 3, 7), (events[2].Kind, events[2].Row, events[2].ConfirmedRow));
    }

    [SkippableFact]
    public void CausalOb_OnEurusd_EveryBlockBothVersionsKeepIsIdentical()
    {
        var series = SmcData.Input();
        var batch = OrderBlocks.Compute(series, SmcData.Swings());
        var live = new Dictionary<(int Row, int Direction), CausalOrderBlockEvent>();
        foreach (var e in Replay(series, 5))
        {
            if (e.Kind == OrderBlockEventKind.Deleted)
            {
                live.Remove((e.Row, e.Direction));
            }
            else
            {
                live[(e.Row, e.Direction)] = e;
            }
        }

        var shared = 0;
        for (var i = 0; i < series.Count; i++)
        {
            if (!double.IsNaN(batch.Direction[i]) && live.TryGetValue((i, (int)batch.Direction[i]), out var e))
            {
                shared++;
                Assert.Equal((batch.Top[i], batch.Bottom[i], batch.Volume[i], batch.Percentage[i]), (e.Top, e.Bottom, e.Volume, e.Percentage));
                Assert.Equal(batch.MitigatedIndex[i], e.MitigatedIndex);
            }
        }

        // 63 of the batch's 66 blocks; the rest differ by construction (swings known L candles late, later replacements).
        Assert.True(shared >= 60, $"only {shared} blocks in common");
    }

    private static List<CausalOrderBlockEvent> Replay(OhlcvSeries series, int length)
    {
        var detector = new CausalOrderBlockDetector(length);
        var all = new List<CausalOrderBlockEvent>();
        for (var i = 0; i < series.Count; i++)
        {
            all.AddRange(detector.Add(OhlcvBar.At(series, i)));
        }

        return all;
    }
}
