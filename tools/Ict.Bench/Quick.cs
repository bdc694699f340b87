using System.Diagnostics;
using System.Text.Json;

namespace Ict.Bench;

/// <summary><c>--quick</c>: a few repetitions of each workload, one JSON object per line, in well under two minutes.</summary>
internal static class Quick
{
    public static int Run(int candleCount)
    {
        var candles = BenchData.Candles(candleCount);
        var folder = Path.Combine(Path.GetTempPath(), "ict-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Workloads.BareLoop(candles); // warm up the JIT
            Workloads.Pipeline(candles[..50_000], folder);

            var bare = Best(3, () => Workloads.BareLoop(candles), out var bareAllocated);
            var timings = new List<Ict.Engine.Backtesting.BacktestTimings>();
            var pipeline = Best(3, () => { var m = Workloads.Pipeline(candles, folder, out var t); timings.Add(t); return m; }, out var pipelineAllocated);
            var kernel = timings.Min(t => t.Kernel);

            Emit("candles", candles.Length, "candles");
            Emit("bare_loop_candles_per_sec", candles.Length / bare.TotalSeconds, "candles/s");
            Emit("pipeline_candles_per_sec", candles.Length / pipeline.TotalSeconds, "candles/s");
            Emit("kernel_candles_per_sec", candles.Length / kernel.TotalSeconds, "candles/s", "the kernel loop alone; SQLite writes queued to the background writer");
            Emit("engine_overhead_ratio", pipeline.TotalSeconds / bare.TotalSeconds, "x");
            Emit("kernel_overhead_ratio", kernel.TotalSeconds / bare.TotalSeconds, "x");
            Emit("allocated_bytes_per_candle", (double)pipelineAllocated / candles.Length, "bytes");
            Emit("bare_loop_allocated_bytes_per_candle", (double)bareAllocated / candles.Length, "bytes");
            var flat = BenchData.FlatCandles(Math.Min(candleCount, 500_000));
            // The first flat run fills the row pools with the daily rows these runs consist of (a process allocates a
            // row type's first batch once); the second is the steady state the figure is about.
            Workloads.Pipeline(flat, folder, out _);
            Workloads.Pipeline(flat, folder, out var idle);
            Emit("idle_kernel_allocated_bytes_per_candle", (double)idle.KernelAllocatedBytes / flat.Length, "bytes", "kernel loop over candles where nothing is detected");
            Emit("kernel_allocated_bytes_per_candle", (double)timings.Min(t => t.KernelAllocatedBytes) / candles.Length, "bytes", "kernel loop over the sample candles (patterns and trades allocate their events)");
            Emit("csv_parse_candles_per_sec", CsvParse.CandlesPerSecond(candles, folder), "candles/s", "a 6-column candle CSV read and checked by CandleCsvReader (the first step of ict backtest --data)");
            foreach (var (name, value, unit) in SmcIndicators.Measure(candleCount))
            {
                Emit(name, value, unit);
            }

            foreach (var (name, value, unit) in PluginReload.Measure())
            {
                Emit(name, value, unit);
            }

            foreach (var (name, value, unit, note) in ScriptReload.Measure())
            {
                Emit(name, value, unit, note);
            }

            foreach (var (name, value, unit) in BinanceLatency.Measure())
            {
                Emit(name, value, unit);
            }

            Workloads.ScriptPipeline(candles[..50_000], folder, out _); // compile and warm up
            var script = Best(3, () => Workloads.ScriptPipeline(candles, folder, out _), out _);
            Emit("script_pipeline_candles_per_sec", candles.Length / script.TotalSeconds, "candles/s", "scripts/ob_fvg_confluence.csx as the only strategy, compiled by the script host");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The fastest of n runs, and the bytes the calling thread allocated in that run.</summary>
    private static TimeSpan Best<T>(int runs, Func<T> work, out long allocated)
    {
        var best = TimeSpan.MaxValue;
        allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            watch.Stop();
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            if (watch.Elapsed < best)
            {
                best = watch.Elapsed;
                allocated = bytes;
            }
        }

        return best;
    }

    private static void Emit(string name, double? value, string unit, string? note = null)
    {
        var line = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["value"] = value is null ? null : Math.Round(value.Value, 3),
            ["unit"] = unit,
        };
        if (note is not null)
        {
            line["note"] = note;
        }

        Console.WriteLine(JsonSerializer.Serialize(line));
    }
}
