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
            Console.WriteLine($"bare loop        {Rate(candles.Length, Best(() => Workloads.BareLoop(candles))),8:0}k candles/s");
            Console.WriteLine($"strategy alone   {Rate(candles.Length, Best(() => StrategyAlone.Run(candles))),8:0}k candles/s (the ob-fvg plugin's OnCandle, no engine)");
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var collections = GC.CollectionCount(0);
                var pause = GC.GetTotalPauseDuration();
                var cpu = Environment.CpuUsage.TotalTime;
                var watch = Stopwatch.StartNew();
                var config = EngineConfig.Load(Workloads.WriteConfig(folder, null));
                var host = EngineHost.Create(config, Serilog.Core.Logger.None, new EngineRunOptions { Backtest = true, ExpectedCandles = candles.Length });
                var created = watch.Elapsed;
                host.RunBacktest(candles);
                var ran = watch.Elapsed;
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
                var total = watch.Elapsed;
                var timings = host.LastTimings!;
                Console.WriteLine(
                    $"pipeline run {run + 1}: set-up {created.TotalMilliseconds:0} ms, kernel {timings.Kernel.TotalMilliseconds:0} ms, " +
                    $"writes after the loop {timings.Persist.TotalMilliseconds:0} ms, tear-down {(total - ran).TotalMilliseconds:0} ms: " +
                    $"{Rate(candles.Length, total):0}k candles/s (kernel {Rate(candles.Length, timings.Kernel):0}k/s); " +
                    $"process CPU {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:0} ms, {GC.CollectionCount(0) - collections} GCs pausing {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0} ms");
                if (run == 0)
                {
                    Console.WriteLine("  rows: " + string.Join(", ", Tables.Select(t => $"{t} {CountRows(host.DatabasePath, t)}")));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Rate(int candles, TimeSpan elapsed) => candles / elapsed.TotalSeconds / 1000;

    private static TimeSpan Best(Func<int> work)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            best = watch.Elapsed < best ? watch.Elapsed : best;
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
