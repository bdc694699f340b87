using System.Diagnostics;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Scripting;
using static Ict.Bench.Probes;

namespace Ict.Bench;

/// <summary>
/// Script hot-edit figures. <c>script_save_to_next_candle_ms</c>: a running engine fed candle by candle (recording them),
/// a script that runs the OB/FVG detector saved with new text; from the write until the new version handles a live candle,
/// with the watcher's default debounce, the compile, the swap and the warm-up replay of 200 stored candles included.
/// <c>script_restart_with_cache_ms_per_script</c>: what an engine restart spends per unchanged script (a fresh compiler over
/// the compile cache, load, create the strategy), in this process; beside it the same without the cache.
/// </summary>
internal static class ScriptReload
{
    private const string ProbeKey = "ict.bench.script";
    private const int Warmup = 200;

    public static IEnumerable<(string Name, double Value, string Unit, string Note)> Measure()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ict-bench-scripts-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(folder, "scripts"));
        try
        {
            var saves = SaveToNextCandle(folder);
            var (cached, cold) = Restart(Path.Combine(folder, "restart"), 10);
            return
            [
                ("script_save_to_next_candle_ms", saves, "ms", $"median of 10 saves after 2 warm-up saves; debounce {new ScriptsOptions().ReloadDebounceMilliseconds} ms and a 200-candle warm-up included"),
                ("script_restart_with_cache_ms_per_script", cached, "ms", "10 unchanged scripts: cache hit, load, create (in-process, best of 3)"),
                ("script_restart_without_cache_ms_per_script", cold, "ms", "the same 10 scripts compiled by Roslyn (warm compiler)"),
            ];
        }
        finally
        {
            AppContext.SetData(ProbeKey, null);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double SaveToNextCandle(string folder)
    {
        var probe = Listen(ProbeKey);
        var script = Path.Combine(folder, "scripts", "probe.csx");
        File.WriteAllText(script, ProbeScript(0));
        var host = StartEngine(folder);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(replay: false, stop.Token);
        var feeding = Task.Run(() => FeedAsync(host, stop.Token));
        var since = Stopwatch.GetTimestamp();
        WaitFor(probe, "v0:", since, 250); // let the store fill past the warm-up length

        var times = new List<double>();
        for (var version = 1; version <= 12; version++)
        {
            since = Stopwatch.GetTimestamp();
            File.WriteAllText(script, ProbeScript(version));
            // The new version reports the 200 stored candles it replays, then its first live one.
            var at = WaitFor(probe, $"v{version}:", since, Warmup + 1);
            if (version > 2)
            {
                times.Add(Ms(since, at));
            }
        }

        stop.Cancel();
        Ignore(feeding);
        Ignore(run);
        host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return Median(times);
    }

    private static (double Cached, double Cold) Restart(string folder, int count)
    {
        var scripts = Path.Combine(folder, "scripts");
        var cache = Path.Combine(folder, "script-cache");
        Directory.CreateDirectory(scripts);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(scripts, $"s{i}.csx"), ProbeScript(100 + i));
        }

        var files = Directory.GetFiles(scripts, "*.csx");
        double LoadAll(string? cacheDirectory)
        {
            var compiler = new ScriptCompiler(scripts, folder, cacheDirectory: cacheDirectory);
            var started = Stopwatch.GetTimestamp();
            var loaded = files.Select(f => compiler.Load(compiler.Compile(f))).ToList();
            var ms = Ms(started, Stopwatch.GetTimestamp());
            loaded.ForEach(l => l.Unload());
            return ms / count;
        }

        LoadAll(cache); // the first start compiles and fills the cache
        var cached = Enumerable.Range(0, 3).Min(_ => LoadAll(cache));
        var cold = Enumerable.Range(0, 3).Min(_ => LoadAll(null));
        return (cached, cold);
    }

    private static string ProbeScript(int version) => $$"""
        public sealed class Probe : IStrategy
        {
            private readonly Dictionary<Symbol, ObFvgDetector> _detectors = new();

            public void OnCandle(Candle candle, IStrategyContext context)
            {
                if (!_detectors.TryGetValue(candle.Symbol, out var detector))
                {
                    detector = new ObFvgDetector(candle.Symbol, candle.Interval, new ObFvgOptions());
                    _detectors.Add(candle.Symbol, detector);
                }

                foreach (var change in detector.Update(candle))
                {
                    context.ReportPattern(change);
                }

                ((Action<string>)AppContext.GetData("{{ProbeKey}}")!)("v{{version}}:" + candle.OpenTime.ToUnixTimeMilliseconds());
            }
        }

        new Probe()
        """;

    private static EngineHost StartEngine(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "c.csv"), "open_time_ms,open,high,low,close,volume\n1704067200000,42000,42010,41990,42005,1\n");
        var config = new
        {
            mode = "paper",
            marketData = new { replay = new { files = new[] { new { symbol = "BTCUSDT", interval = "15m", path = "c.csv" } } } },
            instruments = new[] { new { symbol = "BTCUSDT" } },
            state = new { database = "s.db" },
            plugins = new { directories = new[] { Path.Combine(BenchData.RepoRoot, "artifacts", "plugins") }, watch = false },
            scripts = new { directory = "scripts", enabled = true, watch = true, warmupCandles = Warmup },
            risk = new { plugin = "ict.fixed-fractional" },
            logging = new { directory = "logs" },
        };
        File.WriteAllText(Path.Combine(folder, "engine.json"), JsonSerializer.Serialize(config));
        return EngineHost.Create(EngineConfig.Load(Path.Combine(folder, "engine.json"), _ => null), Serilog.Core.Logger.None);
    }

    private static async Task FeedAsync(EngineHost host, CancellationToken stop)
    {
        var candles = BenchData.Candles(6000);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var c = candles[i % candles.Length];
            var candle = c with { OpenTime = DateTimeOffset.FromUnixTimeMilliseconds(1704067200000).AddMinutes(15L * i) };
            await host.Input.WriteAsync(new CandleInput(candle), stop);
            await Task.Delay(1, stop);
        }
    }
}
