using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class PreviousHighLowRuleTests
{
    // Hourly candles from Monday 00:00, high = 10 + i, low = i. 4h bins: rows 0-3 (high 13, low 0), 4-7 (high 17, low 4), 8-11, 12.
    private static readonly OhlcvSeries Hourly = Bars.AtTimes([.. Enumerable.Range(0, 13).Select(i => Bars.Start.AddHours(i))]);

    [Fact]
    public void PreviousHighLow_BeforeTwoBinsHaveOpened_IsNaNAndNotBroken()
    {
        var r = PreviousHighLow.Compute(Hourly, SmcTimeFrame.FourHours);

        Assert.All(Enumerable.Range(0, 5), i => Assert.True(float.IsNaN(r.PreviousHigh[i])));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal((0, 0), (r.BrokenHigh[i], r.BrokenLow[i])));
    }

    [Fact]
    public void PreviousHighLow_InsideABin_UsesThePreviousBin()
    {
        var r = PreviousHighLow.Compute(Hourly, SmcTimeFrame.FourHours);

        Assert.Equal((13f, 0f), (r.PreviousHigh[5], r.PreviousLow[5]));
        Assert.Equal((17f, 4f), (r.PreviousHigh[9], r.PreviousLow[9]));
        Assert.Equal((1, 0), (r.BrokenHigh[9], r.BrokenLow[9])); // high 19 > 17, low 9 not < 4
    }

    [Fact]
    public void PreviousHighLow_AtABinOpen_UsesTheBinTwoBack()
    {
        var r = PreviousHighLow.Compute(Hourly, SmcTimeFrame.FourHours);

        Assert.Equal((13f, 0f), (r.PreviousHigh[8], r.PreviousLow[8])); // 08:00 still sees 00:00-04:00
    }

    [Fact]
    public void PreviousHighLow_Weekly_GivesWeekdayCandlesTheWeekBeforeLast()
    {
        // Daily candles Monday 1 Jan .. Wednesday 17 Jan 2024: weeks labelled Sunday 7, 14 and 21 Jan.
        var r = PreviousHighLow.Compute(Bars.AtTimes([.. Enumerable.Range(0, 17).Select(i => Bars.Start.AddDays(i))]), SmcTimeFrame.Week);

        Assert.True(float.IsNaN(r.PreviousHigh[13]));           // Sunday 14 Jan: labels before it: only 7 Jan
        Assert.Equal((16f, 0f), (r.PreviousHigh[14], r.PreviousLow[14])); // Monday 15 Jan gets week 1-7 Jan, not 8-14 Jan
    }

    [Fact]
    public void BinLabel_ForWeeks_IsTheSundayEndingTheWeekAndSundayBelongsToItsOwnLabel()
    {
        Assert.Equal(new DateTime(2024, 1, 7), PreviousHighLow.BinLabel(new DateTime(2024, 1, 7, 10, 0, 0), SmcTimeFrame.Week));
        Assert.Equal(new DateTime(2024, 1, 14), PreviousHighLow.BinLabel(new DateTime(2024, 1, 8, 0, 0, 0), SmcTimeFrame.Week));
        Assert.Equal(new DateTime(2024, 1, 8, 20, 0, 0), PreviousHighLow.BinLabel(new DateTime(2024, 1, 8, 23, 59, 0), SmcTimeFrame.FourHours));
    }
}
