using System.Diagnostics;
using Ict.Engine;
using Ict.Engine.Configuration;

namespace Ict.Bench;

/// <summary>
/// <c>--breakdown</c>: where the pipeline's time goes. The bare loop and the strategy plugin called directly (best
/// of three), then a few whole pipeline runs, each split into set-up, kernel loop, wait for the writes, tear-down,
/// with the process CPU time and GC pauses of the run, and the rows the first run wrote. Human-readable lines, not
/// JSON: a tool for finding costs, not a tracked figure.
/// </summary>
internal static class Breakdown
{
    private static readonly string[] Tables = ["patterns", "signals", "orders", "fills", "positions", "trades", "daily_stats"];

    public static int Run(int candleCount, int runs)
    {
        var candles = BenchData.Candles(candleCount);
        var folder = Path.Combine(Path.GetTempPath(), "ict-breakdown-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Workloads.Pipeline(candles[..50_000], folder);
            Workloads.BareLoop(candles);
            StrategyAlone.Run(candles);
            Console.WriteLine($"bare loop        {Rate(candles.Length, Best(() => Workloads.BareLoop(candles), out var bareBytes)),8:0}k candles/s, {bareBytes / (double)candles.Length:0.0} bytes/candle allocated");
            Console.WriteLine($"strategy alone   {Rate(candles.Length, Best(() => StrategyAlone.Run(candles), out var strategyBytes)),8:0}k candles/s, {strategyBytes / (double)candles.Length:0.0} bytes/candle allocated (the ob-fvg plugin's OnCandle, no engine)");
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var collections = GC.CollectionCount(0);
                var pause = GC.GetTotalPauseDuration();
                var cpu = Environment.CpuUsage.TotalTime;
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var config = EngineConfig.Load(Workloads.WriteConfig(folder, null));
                var host = EngineHost.Create(config, Serilog.Core.Logger.None, new EngineRunOptions { Backtest = true, ExpectedCandles = candles.Length });
                var created = watch.Elapsed;
                var threadCpu = ThreadCpu.Now();
                host.RunBacktest(candles);
                var ran = watch.Elapsed;
                var kernelCpu = ThreadCpu.Now() - threadCpu;
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
                var total = watch.Elapsed;
                var timings = host.LastTimings!;
                Console.WriteLine(
                    $"pipeline run {run + 1}: set-up {created.TotalMilliseconds:0} ms, kernel {timings.Kernel.TotalMilliseconds:0} ms, " +
                    $"writes after the loop {timings.Persist.TotalMilliseconds:0} ms (writer busy {timings.WriterBusy.TotalMilliseconds:0} ms in all), tear-down {(total - ran).TotalMilliseconds:0} ms: " +
                    $"{Rate(candles.Length, total):0}k candles/s (kernel {Rate(candles.Length, timings.Kernel):0}k/s); " +
                    $"process CPU {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:0} ms, {GC.CollectionCount(0) - collections} GCs pausing {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms; " +
                    $"kernel thread CPU {kernelCpu.TotalMilliseconds:0} ms ({Rate(candles.Length, kernelCpu):0}k candles per CPU-second, GC pauses included); " +
                    $"allocated {timings.KernelAllocatedBytes / (double)candles.Length:0.0} bytes/candle on the kernel thread, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)candles.Length:0.0} in the process");
                if (run == 0)
                {
                    Console.WriteLine("  rows: " + string.Join(", ", Tables.Select(t => $"{t} {CountRows(host.DatabasePath, t)}")));
                }
            }

            var flat = BenchData.FlatCandles(Math.Min(candleCount, 500_000));
            Workloads.Pipeline(flat, folder, out _); // fills the row pools with daily rows (see Quick)
            Workloads.Pipeline(flat, folder, out var idle);
            Console.WriteLine($"idle kernel      {idle.KernelAllocatedBytes / (double)flat.Length:0.000} bytes/candle allocated over {flat.Length} flat candles (nothing detected; one daily_stats row per UTC day)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Rate(int candles, TimeSpan elapsed) => candles / elapsed.TotalSeconds / 1000;

    private static TimeSpan Best(Func<int> work, out long allocated)
    {
        var best = TimeSpan.MaxValue;
        allocated = 0;
        for (var i = 0; i < 3; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            best = watch.Elapsed < best ? watch.Elapsed : best;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return best;
    }

    private static long CountRows(string database, string table)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
