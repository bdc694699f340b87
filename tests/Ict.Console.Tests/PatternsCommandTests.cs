using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Console.Tests;

public sealed class PatternsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Patterns_OnTheSampleData_MatchAnIndependentImplementationOfTheRules()
    {
        await AssertMatchesNaive(Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv"));
    }

    [SkippableTheory]
    [InlineData("candles/XRPUSDT-5m-futures.csv")]
    [InlineData("candles/ETH_BTC-5m.csv")]
    [InlineData("candles/BTC-1m-with-gaps.csv")]
    public async Task Patterns_OnRealCandles_MatchAnIndependentImplementationOfTheRules(string file)
    {
        await AssertMatchesNaive(RepoPaths.RequireShared(file));
    }

    [Fact]
    public async Task Patterns_TwoRuns_WriteIdenticalFiles_WithTheDocumentedHeader()
    {
        var input = Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv");
        using var first = await IctProcess.RunAsync(_temp.Path, "patterns", "--input", input, "--output", _temp.File("a.csv"));
        using var second = await IctProcess.RunAsync(_temp.Path, "patterns", "--input", input, "--output", _temp.File("b.csv"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(File.ReadAllBytes(_temp.File("a.csv")), File.ReadAllBytes(_temp.File("b.csv")));
        Assert.Equal(
            "type,direction,top,bottom,pattern_time,detected_time,touches,filled_percent,ended_time,end_reason",
            File.ReadLines(_temp.File("a.csv")).First());
    }

    [Fact]
    public async Task Patterns_TakeTheirSettingsFromTheConfig()
    {
        var input = Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv");
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace("\"minBodyRatio\": 0.7", "\"minBodyRatio\": 0.95", StringComparison.Ordinal));

        using var strict = await IctProcess.RunAsync(_temp.Path, "patterns", "--input", input, "--output", _temp.File("strict.csv"), "--config", config);
        using var seed = await IctProcess.RunAsync(_temp.Path, "patterns", "--input", input, "--output", _temp.File("seed.csv"));

        Assert.Equal(0, strict.ExitCode);
        int Blocks(string file) => File.ReadLines(_temp.File(file)).Count(l => l.StartsWith("order_block", StringComparison.Ordinal));
        Assert.True(Blocks("strict.csv") < Blocks("seed.csv"), $"{Blocks("strict.csv")} vs {Blocks("seed.csv")}");
    }

    [Fact]
    public async Task Patterns_OnAMalformedFile_ExitTwo_NamingTheLine()
    {
        var bad = _temp.Write("bad.csv", "open_time_ms,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,1\n1704068100000,1,2,0.5\n");

        using var ict = await IctProcess.RunAsync(_temp.Path, "patterns", "--input", bad, "--output", _temp.File("out.csv"), "--interval", "15m");

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains("bad.csv:3:", ict.Stderr, StringComparison.Ordinal);
    }

    private async Task AssertMatchesNaive(string input)
    {
        var output = _temp.File(Path.GetFileNameWithoutExtension(input) + ".patterns.csv");

        using var ict = await IctProcess.RunAsync(_temp.Path, "patterns", "--input", input, "--output", output);

        Assert.True(ict.ExitCode == 0, ict.Stderr);
        var expected = NaivePatterns.Detect(input);
        var actual = NaivePatterns.ReadOutput(output);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"row {i + 2}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
