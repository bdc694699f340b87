using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Console.Tests;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// The golden backtest: the shipped config over the bundled sample candles. These figures are pinned on
    /// purpose; a change to them must be a deliberate, reviewed change of behaviour (update them in the same commit).
    /// Last changed when ict.fixed-fractional gained its cooldown (3 losses ⇒ 240 minutes): 15 of 77 signals refused.
    /// </summary>
    [Fact]
    public async Task Golden_ShippedConfigOnSampleData_GivesThePinnedTradesAndStatistics()
    {
        var json = await BacktestJsonAsync();

        Assert.Equal(6000, json.GetProperty("candles").GetInt64());
        Assert.Equal(62, json.GetProperty("trades").GetInt32());
        Assert.Equal(23, json.GetProperty("wins").GetInt32());
        Assert.Equal(-27.80m, Math.Round(json.GetProperty("netPnl").GetDecimal(), 2));
        Assert.Equal(0.63m, Math.Round(json.GetProperty("maxDrawdownPct").GetDecimal(), 2));
        Assert.Equal("fe3456bf7cf29d3f35df901a2d22ccb6206a4026054ee88a2098e2ad3d4e812c", json.GetProperty("tradeHash").GetString());
    }

    [Fact]
    public async Task Json_HasTheDocumentedKeys_AndTheTradeHashMatchesTheStoredTrades()
    {
        var json = await BacktestJsonAsync();

        foreach (var key in new[] { "trades", "winRate", "netPnl", "profitFactor", "maxDrawdownPct", "sharpe", "sortino", "tradeHash", "expectancy", "averageR", "exposurePct" })
        {
            Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        }

        using var db = new SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT strategy_id, symbol, side, quantity, entry_price, exit_price, opened_time, closed_time, net_pnl, exit_reason
            FROM trades WHERE run_id = (SELECT MAX(id) FROM runs WHERE feed = 'backtest') ORDER BY id
            """;
        var canonical = new StringBuilder();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                canonical.Append(CultureInfo.InvariantCulture, $"{reader.GetString(0)}|{reader.GetString(1)}|{reader.GetString(2)}|{N(reader.GetString(3))}|{N(reader.GetString(4))}|{N(reader.GetString(5))}|{reader.GetInt64(6)}|{reader.GetInt64(7)}|{N(reader.GetString(8))}|{reader.GetString(9)}\n");
            }
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()))), json.GetProperty("tradeHash").GetString());
    }

    [Fact]
    public async Task Backtest_AndRun_TradeTheSameCandlesIdentically()
    {
        var config = TestConfigs.ShippedIn(_temp);
        using var run = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config);
        var backtest = await BacktestJsonAsync(config);

        Assert.Equal(0, run.ExitCode);
        using var db = new SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM trades WHERE run_id = (SELECT id FROM runs WHERE feed = 'replay')";
        Assert.Equal((long)backtest.GetProperty("trades").GetInt32(), (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task FromAndTo_KeepOnlyCandlesOpeningInsideTheRange()
    {
        var sample = Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv");
        var from = DateTimeOffset.Parse("2024-01-15T00:00:00Z", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse("2024-02-01T00:00:00Z", CultureInfo.InvariantCulture);
        var expected = File.ReadLines(sample).Skip(1)
            .Select(l => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)))
            .Count(t => t >= from && t < to);

        var json = await BacktestJsonAsync(null, "--data", sample, "--from", "2024-01-15", "--to", "2024-02-01");

        Assert.Equal(expected, json.GetProperty("candles").GetInt64());
    }

    [Fact]
    public async Task Report_IsOneSelfContainedHtmlFile_WithChartsZonesAndTrades()
    {
        var config = TestConfigs.ShippedIn(_temp);
        var report = _temp.File("report.html");

        using var ict = await IctProcess.RunAsync(_temp.Path, "backtest", "--config", config, "--report", report);

        Assert.Equal(0, ict.ExitCode);
        Assert.Contains($"report: {report}", ict.Stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(report);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Equity", html, StringComparison.Ordinal);
        Assert.Contains("Drawdown", html, StringComparison.Ordinal);
        Assert.Contains("OrderBlock", html, StringComparison.Ordinal);   // zone tooltips
        Assert.Contains("FairValueGap", html, StringComparison.Ordinal);
        Assert.Contains("ict.ob-fvg", html, StringComparison.Ordinal);   // per-strategy breakdown
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funding_ZeroRatesChangeNothing_PositiveRatesCostTheHolders()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string Series(string name, decimal rate) => _temp.Write(name, "funding_time,rate\n" + string.Concat(
            Enumerable.Range(0, 200).Select(i => $"{start.AddHours(8 * i).ToUnixTimeMilliseconds() + 11},{rate.ToString(CultureInfo.InvariantCulture)}\n")));

        var none = await BacktestJsonAsync();
        var zero = await BacktestJsonAsync(null, "--funding", "BTCUSDT:" + Series("zero.csv", 0m));
        var costly = await BacktestJsonAsync(null, "--funding", "BTCUSDT:" + Series("costly.csv", 0.01m));

        Assert.Equal(none.GetProperty("tradeHash").GetString(), zero.GetProperty("tradeHash").GetString());
        Assert.True(costly.GetProperty("netPnl").GetDecimal() < none.GetProperty("netPnl").GetDecimal());
    }

    [Fact]
    public async Task Data_NamedWithoutSymbolAndInterval_IsABadArgument()
    {
        var file = _temp.Write("candles.csv", "open_time_ms,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,1\n");

        using var ict = await IctProcess.RunAsync(_temp.Path, "backtest", "--config", TestConfigs.ShippedIn(_temp), "--data", file);

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains("SYMBOL:INTERVAL:PATH", ict.Stderr, StringComparison.Ordinal);
    }

    private async Task<JsonElement> BacktestJsonAsync(string? config = null, params string[] extra)
    {
        config ??= TestConfigs.ShippedIn(_temp);
        using var ict = await IctProcess.RunAsync(_temp.Path, ["backtest", "--config", config, "--json", .. extra]);
        Assert.True(ict.ExitCode == 0, ict.Stderr + ict.Stdout);
        return JsonDocument.Parse(ict.Stdout.Trim()).RootElement.Clone();
    }

    private static string N(string text) => text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
}
