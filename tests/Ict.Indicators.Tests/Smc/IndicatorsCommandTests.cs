using Ict.Console.Commands.Indicators;

namespace Ict.Indicators.Tests.Smc;

/// <summary>The <c>ict indicators</c> code path: smc's files reproduced byte for byte, and bad input refused with exit 2.</summary>
public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ict-indicators-").FullName;

    public static TheoryData<string, string, string[]> GoldenRuns => new()
    {
        { "fvg", "fvg_result_data.csv", [] },
        { "fvg", "fvg_consecutive_result_data.csv", ["join"] },
        { "swing-highs-lows", "swing_highs_lows_result_data.csv", [] },
        { "bos-choch", "bos_choch_result_data.csv", [] },
        { "ob", "ob_result_data.csv", [] },
        { "liquidity", "liquidity_result_data.csv", [] },
        { "retracements", "retracements_result_data.csv", [] },
        { "previous-high-low", "previous_high_low_result_data_4h.csv", ["4h"] },
        { "previous-high-low", "previous_high_low_result_data_1D.csv", ["1D"] },
        { "previous-high-low", "previous_high_low_result_data_W.csv", ["W"] },
        { "sessions", "sessions_result_data.csv", ["London"] },
    };

    [SkippableTheory]
    [MemberData(nameof(GoldenRuns))]
    public void Run_OnEurusd_WritesSmcFileByteForByte(string name, string expectedFile, string[] extra)
    {
        var input = SmcData.Require("EURUSD_15M.csv");
        var expected = SmcData.Require(expectedFile);
        var output = Path.Combine(_dir, expectedFile);
        var request = new IndicatorRequest(name, input, output)
        {
            SwingLength = 5,
            JoinConsecutive = extra.Contains("join"),
            TimeFrame = extra.FirstOrDefault(e => e is "4h" or "1D" or "W") ?? "1D",
            Session = extra.Contains("London") ? "London" : null,
        };
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(request, error);

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(output));
    }

    [Fact]
    public void Run_WhenAPriceIsNotANumber_ExitsWith2AndNamesFileAndLine()
    {
        var input = Write("bad.csv", "Date,Open,High,Low,Close\n2022.10.10 00:00:00,1,2,0.5,1.5\n2022.10.10 00:15:00,1,x,0.5,1.5");
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(new IndicatorRequest("fvg", input, Path.Combine(_dir, "out.csv")), error);

        Assert.Equal(2, code);
        Assert.Equal($"{input}:3: high 'x' is not a finite number", error.ToString().TrimEnd());
        Assert.Single(error.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public void Run_WhenTheDateIsMalformed_ExitsWith2AndNamesTheLine()
    {
        var input = Write("date.csv", "Date,Open,High,Low,Close\n10/10/2022 00:00,1,2,0.5,1.5\n");
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(new IndicatorRequest("fvg", input, Path.Combine(_dir, "out.csv")), error);

        Assert.Equal(2, code);
        Assert.StartsWith($"{input}:2: Date '10/10/2022 00:00'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithOpenTimeMsLayout_ReadsVolumeAndWritesOneRowPerCandle()
    {
        var input = Write("ms.csv", "open_time_ms,open,high,low,close,volume\n0,1,2,0.5,1.5,10\n60000,1.5,3,1.4,2.5,20\n120000,2.5,4,2.2,3.5,30\n");
        var output = Path.Combine(_dir, "fvg.csv");
        using var error = new StringWriter();

        var code = IndicatorsRunner.Run(new IndicatorRequest("fvg", input, output), error);

        // Candle 1 is bullish and high[0] = 2 < low[2] = 2.2: a bullish gap 2.2..2 on row 1, never touched.
        Assert.Equal(0, code);
        Assert.Equal("FVG,Top,Bottom,MitigatedIndex\n,,,\n1.0,2.2,2.0,0.0\n,,,\n", File.ReadAllText(output));
    }

    [Fact]
    public void Run_WithCustomSessionAndAPresetName_ExitsWith2()
    {
        var input = Write("ok.csv", "Date,Open,High,Low,Close\n2022.10.10 00:00:00,1,2,0.5,1.5\n");
        using var error = new StringWriter();
        var request = new IndicatorRequest("sessions", input, Path.Combine(_dir, "out.csv")) { Session = "London", Start = "01:00", End = "02:00" };

        Assert.Equal(2, IndicatorsRunner.Run(request, error));
        Assert.Contains("--start/--end", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
