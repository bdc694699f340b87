using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Scripting;

/// <summary>200 successive edits of a script under a running engine: every old version unloads, memory stays flat.</summary>
[Collection(PluginTestCollection.Name)]
public sealed class ScriptEditMemoryTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_hundred_edits_unload_every_old_version()
    {
        var path = Path.Combine(_temp.Path, "scripts", "edited.csx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Version(0));
        _temp.Write("candles.csv", "open_time_ms,open,high,low,close,volume\n1704067200000,42000,42010,41990,42005,1\n");
        var config = new
        {
            mode = "paper",
            marketData = new { replay = new { files = new[] { new { symbol = "BTCUSDT", interval = "15m", path = "candles.csv" } } } },
            instruments = new[] { new { symbol = "BTCUSDT", tickSize = 0.1, stepSize = 0.001, minQuantity = 0.001, minNotional = 5, maxLeverage = 20 } },
            state = new { database = "state/ict.db" },
            plugins = new { directories = new[] { RepoPaths.Plugins }, watch = false },
            scripts = new { directory = "scripts", enabled = true, watch = false, warmupCandles = 50 },
            risk = new { plugin = "ict.fixed-fractional" },
        };
        var log = new LogCollector();
        await using var host = EngineHost.Create(EngineConfig.Load(_temp.Write("engine.json", JsonSerializer.Serialize(config))), log.Logger);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(replay: false, stop.Token);
        var fed = 0;

        async Task EditAsync(int version)
        {
            File.WriteAllText(path, Version(version));
            await host.ApplyScriptChangeAsync(path, CancellationToken.None);
            var open = DateTimeOffset.FromUnixTimeMilliseconds(1704067200000) + TimeSpan.FromMinutes(15 * fed++);
            await host.Input.WriteAsync(new CandleInput(new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), open, 42000m, 42010m, 41990m, 42005m, 1m)));
        }

        for (var i = 1; i <= 10; i++)
        {
            await EditAsync(i); // warm Roslyn and the engine before the baseline
        }

        var baseline = SettledMemory();
        for (var i = 11; i <= 210; i++)
        {
            await EditAsync(i);
        }

        File.Delete(path);
        await host.ApplyScriptChangeAsync(path, CancellationToken.None); // stop it: a swap queued behind the last candle
        var retired = host.Scripts!.Retired;
        for (var i = 0; i < 50 && retired.Any(w => w.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var after = SettledMemory();
        output.WriteLine($"managed heap: baseline {baseline / 1024.0 / 1024.0:F1} MB, after 200 edits {after / 1024.0 / 1024.0:F1} MB; {retired.Count(w => w.IsAlive)} old versions alive");
        Assert.DoesNotContain(retired, w => w.IsAlive);
        Assert.True(after - baseline < 8 * 1024 * 1024, $"grew by {(after - baseline) / 1024} KB");

        await stop.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
        }

        log.Dispose();
    }

    private static long SettledMemory()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Version(int n) => $$"""
        public sealed class Edited : IStrategy
        {
            private readonly List<decimal> _closes = new();

            public void OnCandle(Candle candle, IStrategyContext context)
            {
                _closes.Add(candle.Close + {{n}});
            }
        }

        new Edited()
        """;
}
