using System.Diagnostics;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Plugins;
using static Ict.Bench.Probes;

namespace Ict.Bench;

/// <summary>
/// Plugin hot-reload figures against a running engine fed candle by candle: a plugin folder appearing until its
/// strategy handles a candle, a new build copied over until it handles one, the reload itself (build, start, swap
/// between events, unload check), and memory over 200 load/unload cycles of one plugin. The fixture plugin
/// (tests/fixtures/Fixture.Versioned, built into artifacts/fixtures) reports each candle through AppContext data.
/// </summary>
internal static class PluginReload
{
    private const string ProbeKey = "ict.fixture.probe";

    public static IEnumerable<(string Name, double Value, string Unit)> Measure()
    {
        var results = new List<(string, double, string)>();
        var probe = Listen(ProbeKey);
        var folder = Path.Combine(Path.GetTempPath(), "ict-bench-reload-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "plugins"));
        try
        {
            var host = StartEngine(folder);
            using var stop = new CancellationTokenSource();
            var run = host.RunAsync(replay: false, stop.Token);
            var feeding = Task.Run(() => FeedAsync(host, stop.Token));

            var pluginFolder = Path.Combine(folder, "plugins", "versioned");
            var since = Stopwatch.GetTimestamp();
            Copy(Fixture("Fixture.Versioned.V1"), pluginFolder);
            results.Add(("plugin_folder_to_first_event_ms", Ms(since, WaitFor(probe, "v1:", since)), "ms"));

            var copyOver = new List<double>();
            for (var i = 0; i < 4; i++)
            {
                var build = i % 2 == 0 ? "V2" : "V1";
                since = Stopwatch.GetTimestamp();
                Copy(Fixture("Fixture.Versioned." + build), pluginFolder);
                copyOver.Add(Ms(since, WaitFor(probe, build.ToLowerInvariant() + ":", since)));
            }

            results.Add(("plugin_copy_over_to_new_build_ms", Median(copyOver), "ms"));

            var reloads = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                Copy(Fixture(i % 2 == 0 ? "Fixture.Versioned.V1" : "Fixture.Versioned.V2"), pluginFolder);
                since = Stopwatch.GetTimestamp();
                host.ApplyPluginChangeAsync(pluginFolder, CancellationToken.None).GetAwaiter().GetResult();
                reloads.Add(Ms(since, Stopwatch.GetTimestamp()));
            }

            results.Add(("plugin_reload_ms", Median(reloads), "ms"));
            stop.Cancel();
            Ignore(feeding);
            Ignore(run);
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            AppContext.SetData(ProbeKey, null);
        }

        results.AddRange(LoadUnloadCycles(folder));
        Directory.Delete(folder, recursive: true);
        return results;
    }

    private static IEnumerable<(string, double, string)> LoadUnloadCycles(string folder)
    {
        var pluginFolder = Path.Combine(folder, "cycles");
        Copy(Fixture("Fixture.Versioned.V1"), pluginFolder);
        var context = new NullContext();
        WeakReference? Cycle()
        {
            var loaded = PluginFolderLoader.Load(pluginFolder, PluginTrust.Open, _ => null)!;
            var strategy = (IStrategy)Activator.CreateInstance(loaded.Plugins[0].Type!)!;
            strategy.OnCandle(new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), DateTimeOffset.UnixEpoch, 1, 1, 1, 1, 1), context);
            return loaded.Unload();
        }

        for (var i = 0; i < 5; i++)
        {
            UnloadVerifier.IsCollected(Cycle());
        }

        var (heap0, rss0) = (ManagedHeap(), Rss());
        var leaked = 0;
        for (var i = 0; i < 200; i++)
        {
            leaked += UnloadVerifier.IsCollected(Cycle()) ? 0 : 1;
        }

        var (heap1, rss1) = (ManagedHeap(), Rss());
        return
        [
            ("plugin_200_cycles_not_collected", leaked, "contexts"),
            ("plugin_200_cycles_managed_heap_delta_mb", (heap1 - heap0) / 1048576.0, "MB"),
            ("plugin_200_cycles_rss_delta_mb", (rss1 - rss0) / 1048576.0, "MB"),
        ];
    }

    private static EngineHost StartEngine(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "c.csv"), "open_time_ms,open,high,low,close,volume\n1704067200000,42000,42010,41990,42005,1\n");
        var config = new
        {
            mode = "paper",
            marketData = new { replay = new { files = new[] { new { symbol = "BTCUSDT", interval = "15m", path = "c.csv" } } } },
            instruments = new[] { new { symbol = "BTCUSDT" } },
            state = new { database = "s.db" },
            plugins = new { directories = new[] { Path.Combine(BenchData.RepoRoot, "artifacts", "plugins"), "plugins" } },
            strategies = new[] { new { plugin = "ict.ob-fvg" } },
            risk = new { plugin = "ict.fixed-fractional" },
            logging = new { directory = "logs" },
        };
        File.WriteAllText(Path.Combine(folder, "engine.json"), JsonSerializer.Serialize(config));
        return EngineHost.Create(EngineConfig.Load(Path.Combine(folder, "engine.json"), _ => null), Serilog.Core.Logger.None);
    }

    private static async Task FeedAsync(EngineHost host, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var price = 42000m + (i % 50);
            var candle = new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), DateTimeOffset.FromUnixTimeMilliseconds(1704067200000).AddMinutes(15L * i), price, price + 5, price - 5, price + 1, 1);
            await host.Input.WriteAsync(new CandleInput(candle), stop);
            await Task.Delay(1, stop);
        }
    }

    private static string Fixture(string name) => Path.Combine(BenchData.RepoRoot, "artifacts", "fixtures", name);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            // The engine's watcher may be hashing the previous build: .NET's File.Copy wants the file to itself
            // (a shared lock held by the reader makes it fail), so try again shortly, as a person would.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
                    break;
                }
                catch (IOException) when (attempt < 100)
                {
                    Thread.Sleep(10);
                }
            }
        }
    }

    private static long ManagedHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private sealed class NullContext : IStrategyContext, IPluginLogger
    {
        public DateTimeOffset Now => default;

        public IPluginLogger Log => this;

        public PositionView? GetPosition(Symbol symbol) => null;

        public void ReportPattern(Pattern pattern)
        {
        }

        public void Signal(EntrySignal signal)
        {
        }

        public void Info(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Error(string message, Exception? exception = null)
        {
        }
    }
}
