using System.Collections.Concurrent;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Scripting;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Scripting;

/// <summary>Scripts edited, broken, added and deleted under a running engine, through the real file watcher.</summary>
[Collection(PluginTestCollection.Name)]
public sealed class ScriptHotEditTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new();
    private readonly ProbeListener _probe = new();
    private readonly ConcurrentQueue<ScriptChange> _changes = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly CancellationTokenSource _stop = new();
    private EngineHost? _host;
    private Task? _run;
    private int _fed;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _probe.Dispose();
        _temp.Dispose();
        _stop.Dispose();
    }

    [Fact]
    public async Task A_saved_edit_swaps_in_warmed_up_and_a_broken_edit_keeps_the_running_version()
    {
        WriteScript("probe.csx", Probe("v1"));
        Start();
        await FeedAsync();
        await _probe.WaitForAsync(m => m == "v1:1", Timeout);

        var saved = TimeProvider.System.GetTimestamp();
        WriteScript("probe.csx", Probe("v2"));
        await WaitForChangeAsync(c => c.Id == "script:probe" && c.Kind == ScriptChangeKind.Reloaded);
        await FeedAsync();

        // v2 replayed v1's one candle (muted) before its first live one.
        await _probe.WaitForAsync(m => m == "v2:2", Timeout);
        output.WriteLine($"save => new version handled a candle in {TimeProvider.System.GetElapsedTime(saved).TotalMilliseconds:F0} ms (debounce 50 ms)");

        WriteScript("probe.csx", "public sealed class Broken : IStrategy { public void OnCandle(Candle c, IStrategyContext x) { var y = nope; } }\nnew Broken()\n");
        var failed = await WaitForChangeAsync(c => c.Kind == ScriptChangeKind.CompileFailed);
        var error = Assert.Single(failed.Errors);
        Assert.EndsWith("scripts/probe.csx(1,103): error CS0103: The name 'nope' does not exist in the current context", error, StringComparison.Ordinal);
        await FeedAsync();
        await _probe.WaitForAsync(m => m == "v2:3", Timeout);
    }

    [Fact]
    public async Task A_new_file_starts_and_a_deleted_file_stops()
    {
        Start();
        await FeedAsync();

        var path = WriteScript("late.csx", Probe("late"));
        await WaitForChangeAsync(c => c.Id == "script:late" && c.Kind == ScriptChangeKind.Started);
        await FeedAsync();
        await _probe.WaitForAsync(m => m == "late:2", Timeout); // the stored candle (warm-up), then the live one

        File.Delete(path);
        await WaitForChangeAsync(c => c.Id == "script:late" && c.Kind == ScriptChangeKind.Stopped);
        await FeedAsync();
        await FeedAsync();
        await _host!.ApplyScriptChangeAsync(path, CancellationToken.None); // a no-op once stopped; also a barrier after the feeds
        Assert.DoesNotContain("late:3", _probe.Messages);
    }

    [Fact]
    public async Task A_script_added_while_running_replays_the_last_N_stored_candles_in_order_before_the_next_live_one()
    {
        Start(watch: false, warmupCandles: 3);
        for (var i = 0; i < 5; i++)
        {
            await FeedAsync();
        }

        var path = WriteScript("late.csx", TimeProbe("late"));
        await _host!.ApplyScriptChangeAsync(path, CancellationToken.None); // queued behind the five candles
        await FeedAsync();

        // Candles 0..4 are in the store; warm-up = the last three (2, 3, 4), then candle 5 live.
        string[] expected = [.. Enumerable.Range(2, 4).Select(k => $"late:{OpenMs(k)}")];
        await _probe.WaitForAsync(m => m == expected[^1], Timeout);
        Assert.Equal(expected, _probe.Messages.Where(m => m.StartsWith("late:", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task A_reloaded_script_replays_the_stored_candles_not_only_those_its_predecessor_saw()
    {
        // v1 starts at the third candle; v2 still gets the last four stored candles, two of which v1 never saw.
        Start(watch: false, warmupCandles: 4);
        for (var i = 0; i < 2; i++)
        {
            await FeedAsync();
        }

        var path = WriteScript("probe.csx", TimeProbe("v1"));
        await _host!.ApplyScriptChangeAsync(path, CancellationToken.None);
        await FeedAsync();
        await FeedAsync();
        WriteScript("probe.csx", TimeProbe("v2"));
        await _host.ApplyScriptChangeAsync(path, CancellationToken.None);
        await FeedAsync();

        string[] expected = [.. Enumerable.Range(0, 5).Select(k => $"v2:{OpenMs(k)}")];
        await _probe.WaitForAsync(m => m == expected[^1], Timeout);
        Assert.Equal(expected, _probe.Messages.Where(m => m.StartsWith("v2:", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Two_saves_between_candles_run_only_the_last_version_warmed_up_from_the_store()
    {
        var path = WriteScript("probe.csx", Probe("v1"));
        Start(watch: false);
        await FeedAsync();
        await FeedAsync();
        await _probe.WaitForAsync(m => m == "v1:2", Timeout);

        WriteScript("probe.csx", Probe("v2"));
        await _host!.ApplyScriptChangeAsync(path, CancellationToken.None);
        WriteScript("probe.csx", Probe("v3"));
        await _host.ApplyScriptChangeAsync(path, CancellationToken.None);
        await FeedAsync();

        await _probe.WaitForAsync(m => m == "v3:3", Timeout); // the two stored candles replayed, then the live one
        Assert.DoesNotContain(_probe.Messages, m => m.StartsWith("v2:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_script_that_keeps_state_hands_it_to_its_next_version_instead_of_replaying()
    {
        var path = WriteScript("counter.csx", StatefulProbe("v1"));
        Start(watch: false);
        await FeedAsync();
        await FeedAsync();
        await _probe.WaitForAsync(m => m == "v1:2", Timeout);

        WriteScript("counter.csx", StatefulProbe("v2"));
        await _host!.ApplyScriptChangeAsync(path, CancellationToken.None);
        await FeedAsync();

        // v1 saved 2 × 10 = 20; v2 restored it and counted its first live candle. With a replay as well it would
        // have said v2:23 (20 + 2 replayed + 1).
        await _probe.WaitForAsync(m => m.StartsWith("v2:", StringComparison.Ordinal), Timeout);
        Assert.Contains("v2:21", _probe.Messages);
        Assert.DoesNotContain(_probe.Messages, m => m is "v2:22" or "v2:23");
    }

    [Fact]
    public async Task An_operators_reload_applies_an_edited_script_without_the_watcher()
    {
        WriteScript("probe.csx", Probe("v1"));
        Start(watch: false);
        await FeedAsync();
        await _probe.WaitForAsync(m => m == "v1:1", Timeout);

        WriteScript("probe.csx", Probe("v2"));
        var result = await _host!.ReloadAsync(CancellationToken.None);
        await FeedAsync();

        Assert.Equal(1, result.Scripts);
        Assert.Empty(result.Skipped);
        Assert.True(result.PluginFolders > 0, "the bundled plugin folders are re-applied too");
        await _probe.WaitForAsync(m => m == "v2:2", Timeout);
        var snapshot = await _host.RequestSnapshotAsync(CancellationToken.None);
        var row = Assert.Single(snapshot.Plugins, p => p.Id == "script:probe");
        Assert.Equal(("2", "loaded"), (row.Version, row.State));
        Assert.All(snapshot.Plugins.Where(p => p.Kind != "script"), p => Assert.Equal("loaded", p.State)); // unchanged builds stay as they were
    }

    private static string StatefulProbe(string version) => $$"""
        public sealed class Counter : IStrategy, IPluginState
        {
            private int _seen;

            public void OnCandle(Candle candle, IStrategyContext context)
            {
                _seen++;
                ((Action<string>)AppContext.GetData("ict.fixture.probe")!)("{{version}}:" + _seen);
            }

            public string SaveState() => (_seen * 10).ToString(System.Globalization.CultureInfo.InvariantCulture);

            public void RestoreState(string state) => _seen = int.Parse(state, System.Globalization.CultureInfo.InvariantCulture);
        }

        new Counter()
        """;

    private static string TimeProbe(string version) => $$"""
        public sealed class TimeProbe : IStrategy
        {
            public void OnCandle(Candle candle, IStrategyContext context) =>
                ((Action<string>)AppContext.GetData("ict.fixture.probe")!)("{{version}}:" + candle.OpenTime.ToUnixTimeMilliseconds());
        }

        new TimeProbe()
        """;

    private static long OpenMs(int k) => 1704067200000 + (k * 15 * 60_000L);

    private static string Probe(string version) => $$"""
        public sealed class Probe : IStrategy
        {
            private int _seen;

            public void OnCandle(Candle candle, IStrategyContext context)
            {
                _seen++;
                ((Action<string>)AppContext.GetData("ict.fixture.probe")!)("{{version}}:" + _seen);
            }
        }

        new Probe()
        """;

    private string WriteScript(string name, string text)
    {
        var path = Path.Combine(_temp.Path, "scripts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void Start(bool watch = true, int warmupCandles = 200)
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "scripts"));
        _temp.Write("candles.csv", "open_time_ms,open,high,low,close,volume\n1704067200000,42000,42010,41990,42005,1\n");
        var config = new
        {
            mode = "paper",
            marketData = new { replay = new { files = new[] { new { symbol = "BTCUSDT", interval = "15m", path = "candles.csv" } } } },
            instruments = new[] { new { symbol = "BTCUSDT", tickSize = 0.1, stepSize = 0.001, minQuantity = 0.001, minNotional = 5, maxLeverage = 20 } },
            state = new { database = "state/ict.db" },
            plugins = new { directories = new[] { RepoPaths.Plugins }, watch = false },
            scripts = new { directory = "scripts", enabled = true, watch, warmupCandles, reloadDebounceMilliseconds = 50 },
            risk = new { plugin = "ict.fixed-fractional" },
        };
        var path = _temp.Write("engine.json", JsonSerializer.Serialize(config));
        var log = new LogCollector();
        _host = EngineHost.Create(EngineConfig.Load(path), log.Logger);
        _host.Scripts!.Changed += change =>
        {
            _changes.Enqueue(change);
            _changed.Release();
        };
        _run = _host.RunAsync(replay: false, _stop.Token);
    }

    private async Task FeedAsync()
    {
        var open = DateTimeOffset.FromUnixTimeMilliseconds(1704067200000) + TimeSpan.FromMinutes(15 * _fed++);
        var price = 42000m + _fed;
        await _host!.Input.WriteAsync(new CandleInput(new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), open, price, price + 5, price - 5, price + 1, 1m)));
    }

    private async Task<ScriptChange> WaitForChangeAsync(Func<ScriptChange, bool> match)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (_changes.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = Timeout - TimeProvider.System.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !await _changed.WaitAsync(left))
            {
                throw new TimeoutException("no matching script change; got: " + string.Join(" | ", _changes));
            }
        }
    }
}
