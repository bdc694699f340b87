using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Console.Tests;

/// <summary>
/// <c>ict indicators</c> as a real process: arguments with spaces, non-default options, non-zero volume and the exit
/// codes. Expected files are worked by hand from smartmoneyconcepts' definitions.
/// </summary>
public sealed class IndicatorsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Indicators_Ob_WithVolume_WritesFloat32VolumeAndPercentage()
    {
        // Swing length 1 on these six candles: the candidates (rows 1-4, window high/low[i..i+1]) are highs on rows 1
        // and 2 and lows on rows 3 and 4; clean-up keeps the higher high (row 1, 10 >= 9.6) and the lower low (row 3,
        // 7.5 <= 8.4); book-ends: row 0 = low 8.5, row 5 = high.
        // Bullish: close[4] = 10.5 > high[1] = 10 makes a block on the lowest low of rows 2-3 (row 3: top 8.6, bottom 7.5).
        // Volume (not Tickvol): v4 + v3 = 3 against v2 = 1, so OBVolume 4 and Percentage float32(float32(1/3) * 100) =
        // 33.333336. Row 5's low 10 leaves it unmitigated.
        // Bearish: close[2] = 8.2 < low[0] = 8.5 makes a block on row 1 (the only candle in between: top 10, bottom 8.8),
        // OBVolume v2 + v1 + v0 = 1, low side 1 against high side v0 = 0, so 0 %. high[4] = 10.6 > 10 makes it a breaker
        // on row 4 (bearish uses i); low[5] = 10 never goes back below 8.8, so it stays.
        var input = _temp.Write(
            "candles.csv",
            "Date,Open,High,Low,Close,Tickvol,Volume,Spread\n"
            + "2024.01.01 00:00:00,9,9.5,8.5,9,100,0,2\n"
            + "2024.01.01 00:15:00,9,10,8.8,9.5,100,0,2\n"
            + "2024.01.01 00:30:00,9.5,9.6,8.0,8.2,100,1,2\n"
            + "2024.01.01 00:45:00,8.2,8.6,7.5,8.5,100,1,2\n"
            + "2024.01.01 01:00:00,8.5,10.6,8.4,10.5,100,2,2\n"
            + "2024.01.01 01:15:00,10.5,11,10,10.8,100,0,2");

        using var ict = await IctProcess.RunAsync(_temp.Path, "indicators", "ob", "--input", input, "--output", _temp.File("ob.csv"), "--swing-length", "1");

        Assert.Equal(0, ict.ExitCode);
        Assert.Equal(
            "OB,Top,Bottom,OBVolume,MitigatedIndex,Percentage\n,,,,,\n-1.0,10.0,8.8,1.0,4.0,0.0\n,,,,,\n1.0,8.6,7.5,4.0,0.0,33.333336\n,,,,,\n,,,,,\n",
            File.ReadAllText(_temp.File("ob.csv")));
    }

    [Fact]
    public async Task Indicators_Sessions_TakeAPresetNameWithSpaces()
    {
        var input = _temp.Write(
            "candles.csv",
            "Date,Open,High,Low,Close\n2024.01.01 10:45:00,1,2,0.5,1.5\n2024.01.01 11:00:00,1.5,2.5,1.2,2\n2024.01.01 14:00:00,2,2.25,1.1,2.1\n2024.01.01 14:15:00,2,3,1,2");

        using var ict = await IctProcess.RunAsync(_temp.Path, "indicators", "sessions", "--input", input, "--output", _temp.File("s.csv"), "--session", "New York kill zone");

        Assert.Equal(0, ict.ExitCode);
        Assert.Equal("Active,High,Low\n0,0.0,0.0\n1,2.5,1.2\n1,2.5,1.1\n0,0.0,0.0\n", File.ReadAllText(_temp.File("s.csv")));
    }

    [Fact]
    public async Task Indicators_WithAnUnknownSession_ExitTwo()
    {
        var input = _temp.Write("candles.csv", "Date,Open,High,Low,Close\n2024.01.01 10:45:00,1,2,0.5,1.5\n");

        using var ict = await IctProcess.RunAsync(_temp.Path, "indicators", "sessions", "--input", input, "--output", _temp.File("s.csv"), "--session", "Frankfurt");

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains("unknown session 'Frankfurt'", ict.Stderr, StringComparison.Ordinal);
    }
}
