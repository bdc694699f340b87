using System.Diagnostics;
using Ict.Indicators.Smc;

namespace Ict.Bench;

/// <summary>Each smc indicator over the same 1M+ candles (the sample tiled), best of three, in milliseconds.</summary>
internal static class SmcIndicators
{
    public static IEnumerable<(string Name, double Value, string Unit)> Measure(int count)
    {
        var candles = BenchData.Candles(count);
        var series = new OhlcvSeries(
            candles.Select(c => c.OpenTime.UtcDateTime).ToArray(),
            candles.Select(c => (double)c.Open).ToArray(),
            candles.Select(c => (double)c.High).ToArray(),
            candles.Select(c => (double)c.Low).ToArray(),
            candles.Select(c => (double)c.Close).ToArray(),
            candles.Select(c => (double)c.Volume).ToArray());
        var swings = SwingHighsLows.Compute(series, 5);
        var london = SessionWindow.Presets["London"];
        (string, Func<object>)[] work =
        [
            ("fvg", () => Fvg.Compute(series, joinConsecutive: true)),
            ("swing_highs_lows", () => SwingHighsLows.Compute(series, 5)),
            ("bos_choch", () => BosChoch.Compute(series, swings)),
            ("ob", () => OrderBlocks.Compute(series, swings)),
            ("liquidity", () => Liquidity.Compute(series, swings)),
            ("previous_high_low", () => PreviousHighLow.Compute(series)),
            ("sessions", () => Sessions.Compute(series, london)),
            ("retracements", () => Retracements.Compute(series, swings)),
        ];
        foreach (var (name, run) in work)
        {
            run();
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                GC.KeepAlive(run());
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            yield return ($"smc_{name}_ms_per_{count / 1000}k_candles", best, "ms");
        }
    }
}
