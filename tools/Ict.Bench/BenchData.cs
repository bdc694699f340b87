using Ict.Abstractions;
using Ict.Engine.Market;

namespace Ict.Bench;

/// <summary>Bench inputs: the sample candles tiled end to end (times shifted) up to the requested count.</summary>
internal static class BenchData
{
    public static string RepoRoot { get; } = FindRoot();

    public static Candle[] Candles(int count)
    {
        var sample = CandleCsvReader.Read(Path.Combine(RepoRoot, "data", "BTCUSDT-15m.csv"), new Symbol("BTCUSDT"), Interval.Parse("15m")).ToArray();
        var span = sample[^1].OpenTime - sample[0].OpenTime + sample[0].Interval.Duration;
        var candles = new Candle[count];
        for (var i = 0; i < count; i++)
        {
            var source = sample[i % sample.Length];
            candles[i] = source with { OpenTime = source.OpenTime + (span * (i / sample.Length)) };
        }

        return candles;
    }

    /// <summary>Flat candles (open = high = low = close): nothing is ever detected.</summary>
    public static Candle[] FlatCandles(int count)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var candles = new Candle[count];
        for (var i = 0; i < count; i++)
        {
            candles[i] = new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), start.AddMinutes(15L * i), 42000m, 42000m, 42000m, 42000m, 1m);
        }

        return candles;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IctPlugins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the bench from inside the repository");
    }
}
