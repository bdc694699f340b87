using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Console.Tests;

public sealed partial class RunCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_Headless_OnTheShippedConfig_ExitsZero_AndTheSummaryMatchesTheTradesTable()
    {
        var config = TestConfigs.ShippedIn(_temp);

        using var ict = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config);

        Assert.True(ict.ExitCode == 0, $"exit {ict.ExitCode}\n{ict.Stderr}");
        var summary = ict.Stdout;
        Assert.Contains("summary (end of data)", summary, StringComparison.Ordinal);
        var trades = int.Parse(TradesLine().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(trades >= 1, summary);
        Assert.Contains("win rate", summary, StringComparison.Ordinal);
        Assert.Contains("net PnL", summary, StringComparison.Ordinal);
        Assert.Contains("max drawdown", summary, StringComparison.Ordinal);
        Assert.Equal(trades, CountTrades(_temp.File("ict.db")));
        Assert.Contains("[notify]", summary, StringComparison.Ordinal); // the console notifier plugin spoke
        Assert.NotEmpty(Directory.GetFiles(_temp.File("logs"), "ict-*.log"));
    }

    [Theory]
    [InlineData("\"slippageBps\": 1", "\"slippageBps\": 1, \"slipage\": 2", "$.paper.slipage")]
    [InlineData("\"startingBalance\": 10000", "\"startingBalance\": \"ten thousand\"", "$.account.startingBalance")]
    [InlineData("\"riskPerTradePercent\": 1.0", "\"riskPerTradePercent\": -1", "$.risk.settings.riskPerTradePercent")]
    [InlineData("\"minBodyRatio\": 0.7", "\"minBodyRatio\": \"strong\"", "$.strategies[0].settings.orderBlock.minBodyRatio")]
    public async Task Run_WithABadConfig_ExitsTwo_NamingTheJsonPath_WithoutAStackTrace(string from, string to, string path)
    {
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(from, to, StringComparison.Ordinal));

        using var ict = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config);

        Assert.Equal(2, ict.ExitCode);
        var output = ict.Stdout + ict.Stderr;
        Assert.Contains(path, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("ict.db")) && CountTrades(_temp.File("ict.db")) > 0);
    }

    [Fact]
    public async Task Run_WithAMalformedCandleFile_ExitsTwo_NamingFileAndLine()
    {
        var csv = _temp.Write("bad.csv", "open_time_ms,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,1\n1704068100000,1,x,0.5,1.5,1\n");
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            System.Text.Json.JsonSerializer.Serialize(Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv")),
            System.Text.Json.JsonSerializer.Serialize(csv),
            StringComparison.Ordinal));

        using var ict = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config);

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains("bad.csv:3: high 'x' is not a number", ict.Stdout + ict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommandsAndExitCodes()
    {
        using var ict = await IctProcess.RunAsync(_temp.Path, "--help");

        Assert.Equal(0, ict.ExitCode);
        Assert.Contains("run", ict.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", ict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OnSigterm_FinishesTheEventInHand_FlushesAndExitsZero()
    {
        // Enough candles that the replay is still running when the signal arrives.
        var csv = _temp.File("long.csv");
        WriteTrendingCandles(csv, 150_000);
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            System.Text.Json.JsonSerializer.Serialize(Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv")),
            System.Text.Json.JsonSerializer.Serialize(csv),
            StringComparison.Ordinal));

        using var ict = IctProcess.Start(_temp.Path, "Run 1:", "run", "--headless", "--config", config);
        await ict.SawLine.WaitAsync(TimeSpan.FromMinutes(2));
        using (var kill = Process.Start("kill", ["-TERM", ict.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await ict.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, ict.ExitCode);
        Assert.Contains("summary (stop requested)", ict.Stdout, StringComparison.Ordinal);
        using var db = new SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT status || ':' || (SELECT COUNT(*) FROM candles) FROM runs";
        var row = (string)command.ExecuteScalar()!;
        Assert.StartsWith("stopped:", row, StringComparison.Ordinal);
        Assert.True(int.Parse(row["stopped:".Length..], CultureInfo.InvariantCulture) < 150_000, row);
    }

    private static void WriteTrendingCandles(string path, int count)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("open_time_ms,open,high,low,close,volume");
        var time = 1_704_067_200_000L;
        var price = 40_000m;
        for (var i = 0; i < count; i++)
        {
            var close = price + ((i % 7) - 3) * 10m;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time},{price},{Math.Max(price, close) + 5m},{Math.Min(price, close) - 5m},{close},1"));
            price = close;
            time += 15 * 60 * 1000;
        }
    }

    private static long CountTrades(string database)
    {
        using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM trades";
        return (long)command.ExecuteScalar()!;
    }

    [GeneratedRegex(@"trades\s+(\d+)")]
    private static partial Regex TradesLine();
}
