using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class SessionsRuleTests
{
    [Fact]
    public void Sessions_London_IncludesBothEndsAndTracksTheRunningHighAndLow()
    {
        var day = new DateTime(2024, 1, 2);
        var times = new[] { day.AddHours(6.75), day.AddHours(7), day.AddHours(12), day.AddHours(16), day.AddHours(16.25) };
        // AtTimes: high = 10 + i, low = i.
        var r = Sessions.Compute(Bars.AtTimes(times), SessionWindow.Presets["London"]);

        Assert.Equal([0, 1, 1, 1, 0], r.Active);
        Assert.Equal([0f, 11f, 12f, 13f, 0f], r.High);
        Assert.Equal([0f, 1f, 1f, 1f, 0f], r.Low);
    }

    [Fact]
    public void Sessions_WhenTheWindowWrapsMidnight_CoversLateAndEarlyHours()
    {
        var day = new DateTime(2024, 1, 2);
        var r = Sessions.Compute(Bars.AtTimes(day.AddHours(20), day.AddHours(23), day.AddHours(29), day.AddHours(31)), SessionWindow.Presets["Sydney"]);

        Assert.Equal([0, 1, 1, 0], r.Active);
    }

    [Fact]
    public void Sessions_WhenTheZoneIsUtcPlus2_ShiftsTheWrongWayAsSmcDoes()
    {
        // "UTC+2" becomes Etc/GMT+2, which is UTC-2: a 05:00 candle is read as 07:00 UTC, inside London.
        var r = Sessions.Compute(Bars.AtTimes(new DateTime(2024, 1, 2, 5, 0, 0)), SessionWindow.Presets["London"], "UTC+2");

        Assert.Equal([1], r.Active);
    }

    [Fact]
    public void Sessions_WhenTheZoneIsGmtMinus3_ReadsTimesAsUtcPlus3()
    {
        // "GMT-3" becomes Etc/GMT-3 = UTC+3: 10:00 local is 07:00 UTC (London opens), 09:59 is 06:59 (still closed).
        var r = Sessions.Compute(Bars.AtTimes(new DateTime(2024, 1, 2, 9, 59, 0), new DateTime(2024, 1, 2, 10, 0, 0)), SessionWindow.Presets["London"], "GMT-3");

        Assert.Equal([0, 1], r.Active);
    }

    [Fact]
    public void Sessions_WhenALocalTimeIsAmbiguousInTheZone_ThrowsLikePandas() =>
        Assert.Throws<ArgumentException>(() =>
            Sessions.Compute(Bars.AtTimes(new DateTime(2024, 10, 27, 1, 30, 0)), SessionWindow.Presets["London"], "Europe/London"));

    [Fact]
    public void Sessions_StoresHighAndLowAsFloat32()
    {
        var series = new OhlcvSeries([new DateTime(2024, 1, 2, 8, 0, 0)], [1.1], [1.1], [1.1], [1.1]);

        var r = Sessions.Compute(series, SessionWindow.Parse("8:00", "9:00"));

        Assert.Equal(1.1f, r.High[0]);
        Assert.NotEqual(1.1, (double)r.High[0]);
    }

    [Fact]
    public void SessionWindow_WhenTheTimeIsNotHhMm_Throws() =>
        Assert.Throws<FormatException>(() => SessionWindow.Parse("7", "25:00"));
}
