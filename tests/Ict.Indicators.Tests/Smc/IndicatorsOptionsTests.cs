using System.CommandLine;
using Ict.Console.Commands;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// <c>ict indicators</c> through the real command-line parser with non-default options, on small files whose expected
/// output is worked by hand from smc's definitions (the golden files only use the defaults).
/// </summary>
public sealed class IndicatorsOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ict-indicators-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Parse_BooleanOptionsTakeAnExplicitFalseValue()
    {
        var parse = IndicatorsCommand.Create().Parse(["bos-choch", "--input", "a.csv", "--output", "b.csv", "--close-break", "false", "--swing-length", "7"]);

        Assert.Empty(parse.Errors);
        Assert.False(parse.GetValue<bool>("--close-break"));
        Assert.Equal(7, parse.GetValue<int>("--swing-length"));
    }

    [Theory]
    [InlineData("true", ",,,\n,,,\n1.0,3.5,2.0,0.0\n,,,\n")]
    [InlineData("false", ",,,\n1.0,2.5,2.0,0.0\n1.0,3.5,3.0,0.0\n,,,\n")]
    public void Fvg_JoinConsecutive_MergesTheRunOntoItsLastRow(string join, string rows)
    {
        // Rows 1 and 2 are bullish gaps: high[0] = 2 < low[2] = 2.5 and high[1] = 3 < low[3] = 3.5. Joined, row 2 keeps
        // top max(2.5, 3.5) and bottom min(2, 3). No later candle touches either top, so MitigatedIndex = 0.
        var input = Write(
            "Date,Open,High,Low,Close",
            "2024.01.01 00:00:00,1,2,0.5,1.5",
            "2024.01.01 00:15:00,1.5,3,1.8,2.8",
            "2024.01.01 00:30:00,2.8,4,2.5,3.8",
            "2024.01.01 00:45:00,3.8,5,3.5,4.8");

        Assert.Equal("FVG,Top,Bottom,MitigatedIndex\n" + rows, Run("fvg", input, "--join-consecutive", join));
    }

    [Fact]
    public void PreviousHighLow_FourHours_UsesThePreviousBinAndTwoBackAtABinOpen()
    {
        // Bins 00:00 (rows 0-1: high 3, low 0.5), 04:00 (rows 2-3: high 3.5, low 1.2), 08:00 (rows 4-5).
        // Labels strictly before the candle: row 3 (05:00) counts 2 -> bin 00:00; row 4 (08:00, a bin open) also 2 -> bin 00:00;
        // row 5 (09:00) counts 3 -> bin 04:00. Broken flags use the running max/min of the rows sharing a reference bin.
        var input = Write(
            "Date,Open,High,Low,Close,Volume",
            "2024.01.01 00:00:00,1.5,2,1,1.5,1",
            "2024.01.01 03:45:00,1.5,3,0.5,1.5,1",
            "2024.01.01 04:00:00,1.5,2.5,1.5,2,1",
            "2024.01.01 05:00:00,2,3.5,1.2,2,1",
            "2024.01.01 08:00:00,2,3.2,0.4,2,1",
            "2024.01.01 09:00:00,2,4,2,3,1");

        Assert.Equal(
            "PreviousHigh,PreviousLow,BrokenHigh,BrokenLow\n,,0,0\n,,0,0\n,,0,0\n3.0,0.5,1,0\n3.0,0.5,1,1\n3.5,1.2,1,0\n",
            Run("previous-high-low", input, "--time-frame", "4h"));
    }

    [Fact]
    public void Sessions_NewYork_IncludesBothEndsAndPrintsFloat32Extremes()
    {
        var input = Write(
            "Date,Open,High,Low,Close",
            "2024.01.01 12:45:00,1,2,0.5,1.5",
            "2024.01.01 13:00:00,1.5,2.5,1.2,2",
            "2024.01.01 22:00:00,2,2.25,1.1,2.1",
            "2024.01.01 22:15:00,2,3,1,2");

        Assert.Equal("Active,High,Low\n0,0.0,0.0\n1,2.5,1.2\n1,2.5,1.1\n0,0.0,0.0\n", Run("sessions", input, "--session", "New York"));
    }

    [Fact]
    public void Sessions_CustomWindowAcrossMidnight_WithUtcPlus2_ShiftsTimesTheEtcGmtWay()
    {
        // "UTC+2" becomes Etc/GMT+2, which is UTC-2: 20:45 -> 22:45 (out), 21:00 -> 23:00 (in), 23:00 -> 01:00 (in, the
        // window 23:00-01:00 wraps and includes its end), 23:15 -> 01:15 (out).
        var input = Write(
            "Date,Open,High,Low,Close",
            "2024.01.01 20:45:00,1,2,0.5,1.5",
            "2024.01.01 21:00:00,1,4,0.75,2",
            "2024.01.01 23:00:00,2,3,0.25,2",
            "2024.01.01 23:15:00,2,3,0.5,2");

        Assert.Equal(
            "Active,High,Low\n0,0.0,0.0\n1,4.0,0.75\n1,4.0,0.25\n0,0.0,0.0\n",
            Run("sessions", input, "--start", "23:00", "--end", "01:00", "--time-zone", "UTC+2"));
    }

    [Fact]
    public void Sessions_WithAnIanaZone_FollowsDaylightSavingTime()
    {
        // Europe/London: 29 March 2024 is GMT (UTC+0), 2 April 2024 is BST (UTC+1). Window 07:00-08:00 UTC:
        // 08:00 GMT = 08:00 UTC (in), 08:15 GMT (out), 08:00 BST = 07:00 UTC (in), 09:00 BST = 08:00 UTC (in), 09:15 BST (out).
        var input = Write(
            "Date,Open,High,Low,Close",
            "2024.03.29 08:00:00,1,2,1,1.5",
            "2024.03.29 08:15:00,1,2,1,1.5",
            "2024.04.02 08:00:00,1,3,0.5,2",
            "2024.04.02 09:00:00,1,2.5,0.75,2",
            "2024.04.02 09:15:00,1,2.5,0.75,2");

        Assert.Equal(
            "Active,High,Low\n1,2.0,1.0\n0,0.0,0.0\n1,3.0,0.5\n1,3.0,0.5\n0,0.0,0.0\n",
            Run("sessions", input, "--session", "Custom", "--start", "07:00", "--end", "08:00", "--time-zone", "Europe/London"));
    }

    [Theory]
    [InlineData("fvg", "FVG,Top,Bottom,MitigatedIndex", ",,,")]
    [InlineData("swing-highs-lows", "HighLow,Level", ",")]
    [InlineData("bos-choch", "BOS,CHOCH,Level,BrokenIndex", ",,,")]
    [InlineData("ob", "OB,Top,Bottom,OBVolume,MitigatedIndex,Percentage", ",,,,,")]
    [InlineData("liquidity", "Liquidity,Level,End,Swept", ",,,")]
    [InlineData("previous-high-low", "PreviousHighLow", ",,0,0")]
    [InlineData("retracements", "Direction,CurrentRetracement%,DeepestRetracement%", "0,0.0,0.0")]
    public void Run_OnTwoCandles_WritesTheHeaderAndAnEmptyRowPerCandle(string name, string header, string row)
    {
        // Two candles are too few for any swing (even with swing length 1 the first candidate row is 1 and the last n-2 = 0),
        // for a gap (rows 0 and n-1 never qualify) and for a second bin; retracements keep their zero rows.
        var input = Write("Date,Open,High,Low,Close,Volume", "2024.01.01 00:00:00,1,2,0.5,1.5,3", "2024.01.01 00:15:00,1.5,2.5,1,2,4");
        header = header == "PreviousHighLow" ? "PreviousHigh,PreviousLow,BrokenHigh,BrokenLow" : header;

        Assert.Equal($"{header}\n{row}\n{row}\n", Run(name, input, "--swing-length", "1"));
    }

    private string Run(string name, string input, params string[] options)
    {
        var output = Path.Combine(_dir, $"{name}-{Guid.NewGuid():N}.csv");
        string[] args = [name, "--input", input, "--output", output, .. options];
        var code = IndicatorsCommand.Create().Parse(args).Invoke();
        Assert.Equal(0, code);
        return File.ReadAllText(output);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_dir, $"in-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }
}
