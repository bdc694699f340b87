using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Ict.Console.Tests;

/// <summary>A headless engine as an operator runs it on a server: real processes, signals, files and HTTP.</summary>
public sealed partial class HeadlessTests : IDisposable
{
    // Generous: a loaded CI machine is slow, but a stop that hangs (or needs SIGKILL) must fail the test.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Status_WithNoEngineEverRun_SaysNotRunning_AndExitsOne()
    {
        var config = PacedConfig(metrics: false);

        using var status = await IctProcess.RunAsync(_temp.Path, "status", "--config", config);

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("not running", status.Stdout, StringComparison.Ordinal);
        Assert.Contains(_temp.File("status.json"), status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_OnARunningHeadlessEngine_ReportsIt_AndAfterSigtermSaysNotRunning()
    {
        var config = PacedConfig(metrics: false);
        using var engine = IctProcess.Start(_temp.Path, "Status written to", "run", "--headless", "--config", config);
        await engine.SawLine.WaitAsync(TimeSpan.FromMinutes(2));

        using (var status = await IctProcess.RunAsync(_temp.Path, "status", "--config", config))
        {
            Assert.True(status.ExitCode == 0, $"exit {status.ExitCode}\n{status.Stdout}{status.Stderr}");
            var text = status.Stdout;
            Assert.Contains($"Engine: running (pid {engine.Id}), paper, venue paper", text, StringComparison.Ordinal);
            Assert.Matches(@"equity \d+\.\d\d USDT", text);
            Assert.Matches(@"trades today \d+/5", text); // the limit comes from the risk settings (maxDailyTrades 5)
            Assert.Contains("Positions (", text, StringComparison.Ordinal);
            Assert.Matches(@"ict\.ob-fvg\s+strategy\s+\S+\s+loaded", text);
            Assert.Contains("Last error: none", text, StringComparison.Ordinal);
        }

        using (var json = await IctProcess.RunAsync(_temp.Path, "status", "--json", "--config", config))
        {
            Assert.Equal(0, json.ExitCode);
            using var document = JsonDocument.Parse(json.Stdout);
            var root = document.RootElement;
            Assert.Equal("running", root.GetProperty("engine").GetString());
            var status = root.GetProperty("status");
            Assert.Equal(engine.Id, status.GetProperty("pid").GetInt32());
            Assert.Equal("paper", status.GetProperty("mode").GetString());
            Assert.Equal(_temp.File("ict.db"), status.GetProperty("database").GetString());
            Assert.True(status.GetProperty("uptimeSeconds").GetDouble() >= 0);
            Assert.Equal(JsonValueKind.Array, status.GetProperty("positions").ValueKind);
        }

        await StopAsync(engine);
        Assert.Equal(0, engine.ExitCode);

        using var after = await IctProcess.RunAsync(_temp.Path, "status", "--config", config);
        Assert.Equal(1, after.ExitCode);
        Assert.Contains("Engine: not running; its run ended cleanly, last seen", after.Stdout, StringComparison.Ordinal);
        Assert.Contains("Last known state:", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterTheEngineIsKilled_SaysNotRunning_WithTheDeadPid()
    {
        var config = PacedConfig(metrics: false);
        using var engine = IctProcess.Start(_temp.Path, "Status written to", "run", "--headless", "--config", config);
        await engine.SawLine.WaitAsync(TimeSpan.FromMinutes(2));
        var pid = engine.Id;

        await SendAsync("-KILL", pid);
        await engine.WaitForExitAsync(StopBound);

        using var status = await IctProcess.RunAsync(_temp.Path, "status", "--config", config);
        Assert.Equal(1, status.ExitCode);
        Assert.Contains($"Engine: not running (pid {pid} is gone); last seen", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_OnAPacedHeadlessRun_ExitsZeroPromptly_AndLeavesAConsistentDatabase()
    {
        var config = PacedConfig(metrics: false);
        // Wait for a position to open, so the stop lands while the account has done something.
        using var engine = IctProcess.Start(_temp.Path, "Opened ", "run", "--headless", "--config", config);
        await engine.SawLine.WaitAsync(TimeSpan.FromMinutes(2));

        await StopAsync(engine);

        Assert.True(engine.ExitCode == 0, $"exit {engine.ExitCode}\n{engine.Stderr}");
        Assert.Contains("SIGTERM: finishing the current event, then stopping", engine.Stdout, StringComparison.Ordinal);
        Assert.Contains("summary (stop requested)", engine.Stdout, StringComparison.Ordinal);

        using var db = new SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        db.Open();
        Assert.Equal("ok", Scalar<string>(db, "PRAGMA integrity_check"));
        Assert.Equal("stopped", Scalar<string>(db, "SELECT status FROM runs WHERE id = 1"));
        Assert.False(string.IsNullOrEmpty(Scalar<string>(db, "SELECT summary_json FROM runs WHERE id = 1")));
        Assert.Equal(0L, Scalar<long>(db, "SELECT COUNT(*) FROM orders WHERE status NOT IN ('Intent', 'New', 'Filled', 'Canceled', 'Rejected', 'Expired')"));
        Assert.True(Scalar<long>(db, "SELECT COUNT(*) FROM positions") >= 1);
        // No position is both open and closed: a closed one has its close time and exactly one trade, an open one neither.
        Assert.Equal(0L, Scalar<long>(db, "SELECT COUNT(*) FROM positions WHERE status NOT IN ('open', 'closed')"));
        Assert.Equal(0L, Scalar<long>(db, """
            SELECT COUNT(*) FROM positions p
            WHERE (p.status = 'closed' AND (p.closed_time IS NULL OR (SELECT COUNT(*) FROM trades t WHERE t.run_id = p.run_id AND t.signal_id = p.signal_id) <> 1))
               OR (p.status = 'open' AND (p.closed_time IS NOT NULL OR EXISTS (SELECT 1 FROM trades t WHERE t.run_id = p.run_id AND t.signal_id = p.signal_id)))
            """));
        Assert.True(Scalar<long>(db, "SELECT COUNT(*) FROM positions WHERE status = 'open' GROUP BY symbol ORDER BY 1 DESC LIMIT 1") is 0 or 1);
        // Every order of a closed position is finished; a working order belongs to an open position (its stop-loss or
        // take-profit) or is an entry still waiting for its fill.
        Assert.Equal(0L, Scalar<long>(db, """
            SELECT COUNT(*) FROM orders o JOIN positions p ON p.run_id = o.run_id AND p.signal_id = o.signal_id
            WHERE p.status = 'closed' AND o.status IN ('Intent', 'New')
            """));
        Assert.Equal(0L, Scalar<long>(db, """
            SELECT COUNT(*) FROM orders o
            WHERE o.status IN ('Intent', 'New')
              AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.run_id = o.run_id AND p.signal_id = o.signal_id AND p.status = 'open')
              AND NOT (o.role = 'entry' AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.run_id = o.run_id AND p.signal_id = o.signal_id))
            """));
        // Every fill belongs to a filled order, and every filled order has its fill.
        Assert.Equal(0L, Scalar<long>(db, "SELECT COUNT(*) FROM fills f WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.run_id = f.run_id AND o.client_order_id = f.client_order_id AND o.status = 'Filled')"));
        Assert.Equal(0L, Scalar<long>(db, "SELECT COUNT(*) FROM orders o WHERE o.status = 'Filled' AND NOT EXISTS (SELECT 1 FROM fills f WHERE f.run_id = o.run_id AND f.client_order_id = o.client_order_id)"));

        // The engine's own last word (status.json, written after the store was flushed) agrees with the database.
        using var status = JsonDocument.Parse(await File.ReadAllTextAsync(_temp.File("status.json")));
        var root = status.RootElement;
        Assert.Equal("stopped", root.GetProperty("state").GetString());
        Assert.Equal(Scalar<long>(db, "SELECT COUNT(*) FROM positions WHERE status = 'open'"), root.GetProperty("positions").GetArrayLength());
        Assert.Equal(Scalar<long>(db, "SELECT COUNT(*) FROM trades"), root.GetProperty("counters").GetProperty("trades").GetInt64());
        Assert.Equal(Scalar<long>(db, "SELECT COUNT(*) FROM candles"), root.GetProperty("counters").GetProperty("candles").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sigterm_WhileANotificationIsInFlight_WaitsForTheFlush_AndASecondSignalExitsAtOnce(bool twice)
    {
        // A webhook that holds every request for 4 s: the stop has to wait for the one in flight (the flush grace is
        // 10 s), longer than the 2 s after which a command-line library's own SIGTERM handling would force exit 143.
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var slowHook = builder.Build();
        RequestDelegate hold = async context =>
        {
            received.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(4));
            context.Response.StatusCode = 204;
        };
        slowHook.Run(hold);
        await slowHook.StartAsync();
        var hook = slowHook.Urls.First() + "/hook";
        var config = PacedConfig(metrics: true, edit: text => text.Replace( // the metrics web host must not claim the signals
            "{ \"plugin\": \"console\" },",
            "{ \"plugin\": \"console\" }, { \"plugin\": \"webhook\", \"settings\": { \"url\": " + JsonSerializer.Serialize(hook) + " } },",
            StringComparison.Ordinal));
        using var engine = IctProcess.Start(_temp.Path, null, "run", "--headless", "--config", config);
        await received.Task.WaitAsync(TimeSpan.FromMinutes(2));

        await SendAsync("-TERM", engine.Id);
        if (twice)
        {
            await engine.WaitForLineAsync("SIGTERM: finishing the current event").WaitAsync(TimeSpan.FromSeconds(20));
            await SendAsync("-TERM", engine.Id);
        }

        await engine.WaitForExitAsync(TimeSpan.FromSeconds(40));

        using var db = new SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        db.Open();
        Assert.Equal("ok", Scalar<string>(db, "PRAGMA integrity_check"));
        if (twice)
        {
            // Killed by the signal's default action (128 + 15) before the flush ended: no summary.
            Assert.True(engine.ExitCode == 143, $"exit {engine.ExitCode}\n{engine.Stdout}\n{engine.Stderr}");
            Assert.Contains("SIGTERM again: exiting without finishing", engine.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("summary (stop requested)", engine.Stdout, StringComparison.Ordinal);
            return;
        }

        Assert.True(engine.ExitCode == 0, $"exit {engine.ExitCode}\n{engine.Stdout}\n{engine.Stderr}");
        Assert.Contains("summary (stop requested)", engine.Stdout, StringComparison.Ordinal);
        Assert.Equal("stopped", Scalar<string>(db, "SELECT status FROM runs WHERE id = 1"));
    }

    [Fact]
    public async Task Metrics_OnARunningHeadlessEngine_ServeThePrometheusTextFormat_OnLoopbackOnly()
    {
        var config = PacedConfig(metrics: true);
        using var engine = IctProcess.Start(_temp.Path, "Status written to", "run", "--headless", "--config", config);
        await engine.SawLine.WaitAsync(TimeSpan.FromMinutes(2));
        var url = new Uri(MetricsUrl().Match(engine.Stdout).Groups[1].Value);
        Assert.Equal("127.0.0.1", url.Host);
        using (var statusFile = JsonDocument.Parse(await File.ReadAllTextAsync(_temp.File("status.json"))))
        {
            Assert.Equal(url.ToString(), statusFile.RootElement.GetProperty("metricsUrl").GetString());
        }

        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        await StopAsync(engine);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var samples = ParseExposition(body);
        foreach (var family in new[] { "ict_candles_processed_total", "ict_signals_total", "ict_plugin_faults_total", "ict_reconnects_total", "ict_equity", "ict_open_positions", "ict_event_lag_max_seconds" })
        {
            Assert.True(samples.ContainsKey(family), $"{family} missing:\n{body}");
        }

        Assert.True(samples["ict_candles_processed_total"] > 0, body);
        Assert.Equal(0, samples["ict_reconnects_total"]);
        Assert.True(samples["ict_equity{asset=\"USDT\"}"] > 0, body);
        Assert.True(samples.ContainsKey("ict_orders_total{status=\"filled\"}"), body);
        Assert.True(samples.ContainsKey("ict_plugins{state=\"loaded\"}"), body);
        Assert.Equal(0, engine.ExitCode);
    }

    [Fact]
    public async Task Run_WithOutputRedirected_RunsHeadless_AndSaysWhy()
    {
        var config = PacedConfig(metrics: false, candlesPerSecond: 0);

        using var ict = await IctProcess.RunAsync(_temp.Path, "run", "--config", config);

        Assert.Equal(0, ict.ExitCode);
        Assert.Contains("Running headless: standard output is not a terminal", ict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithTheJsonLogFileOn_WritesOneJsonObjectPerEvent()
    {
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace("\"retainedFiles\": 14", "\"retainedFiles\": 14, \"jsonFile\": true", StringComparison.Ordinal));

        using var ict = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config);

        Assert.Equal(0, ict.ExitCode);
        var file = Assert.Single(Directory.GetFiles(_temp.File("logs"), "ict-*.json"));
        var lines = await File.ReadAllLinesAsync(file);
        var textLines = (await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(_temp.File("logs"), "ict-*.log")))).Count(l => l.Length > 0 && char.IsDigit(l[0]));
        Assert.Equal(textLines, lines.Length); // the same events as the text log, one object each
        var events = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.All(events, e => Assert.True(e.TryGetProperty("Timestamp", out _) && e.TryGetProperty("Level", out _) && e.TryGetProperty("MessageTemplate", out _)));
        var headless = Assert.Single(events, e => e.GetProperty("RenderedMessage").GetString()!.StartsWith("Running headless", StringComparison.Ordinal));
        Assert.Equal("--headless", headless.GetProperty("Properties").GetProperty("Reason").GetString());
    }

    /// <summary>
    /// Checks the exposition text line by line (HELP and TYPE before a family's samples, counters named *_total, one
    /// parseable number per sample) and returns the samples by name with labels.
    /// </summary>
    private static Dictionary<string, double> ParseExposition(string body)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var help = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 4);
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Assert.True(help.Add(parts[2]), $"HELP twice for {parts[2]}");
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                Assert.Contains(parts[2], help);
                Assert.True(parts[3] is "counter" or "gauge", line);
                Assert.Equal(parts[3] == "counter", parts[2].EndsWith("_total", StringComparison.Ordinal));
                types.Add(parts[2], parts[3]);
                continue;
            }

            var space = line.LastIndexOf(' ');
            var key = line[..space];
            var family = key.Split('{')[0];
            Assert.True(types.ContainsKey(family), $"sample before its TYPE line: {line}");
            samples.Add(key, double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
            samples.TryAdd(family, samples[key]);
        }

        return samples;
    }

    private static async Task StopAsync(IctProcess engine)
    {
        await SendAsync("-TERM", engine.Id);
        await engine.WaitForExitAsync(StopBound);
    }

    private static async Task SendAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static T Scalar<T>(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>The shipped config, replayed at a pace that keeps the engine running for minutes, status every 500 ms.</summary>
    private string PacedConfig(bool metrics, int candlesPerSecond = 40, Func<string, string>? edit = null) => TestConfigs.ShippedIn(_temp, text => (edit ?? (t => t))(text)
        .Replace("\"closePositionsAtEnd\": true", $"\"closePositionsAtEnd\": true, \"candlesPerSecond\": {candlesPerSecond}", StringComparison.Ordinal)
        .Replace("\"logging\": {", $"\"status\": {{ \"fileMilliseconds\": 500{(metrics ? ", \"metricsPort\": 0" : string.Empty)} }},\n  \"logging\": {{", StringComparison.Ordinal));

    [GeneratedRegex(@"Metrics at (\S+)")]
    private static partial Regex MetricsUrl();
}
