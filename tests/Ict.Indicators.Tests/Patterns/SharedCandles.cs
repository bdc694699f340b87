using System.Globalization;
using Ict.Abstractions;

namespace Ict.Indicators.Tests.Patterns;

/// <summary>Reads real candles from <c>../shared/data/candles</c> beside the repository.</summary>
internal static class SharedCandles
{
    /// <summary>
    /// The full path of a file under <c>../shared/data/candles</c>, found by walking up from the test binaries to the
    /// folder holding <c>IctPlugins.sln</c>; <c>null</c> when the repository root cannot be found.
    /// </summary>
    public static string? PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IctPlugins.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "candles", fileName));
            }
        }

        return null;
    }

    /// <summary>Parses a CSV with the header <c>open_time_ms,open,high,low,close,volume</c>.</summary>
    public static List<Candle> Read(string path, Symbol symbol, Interval interval)
    {
        var candles = new List<Candle>();
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        Assert.Equal("open_time_ms,open,high,low,close,volume", header);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',');
            candles.Add(new Candle(
                symbol,
                interval,
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[0], CultureInfo.InvariantCulture)),
                Number(f[1]),
                Number(f[2]),
                Number(f[3]),
                Number(f[4]),
                Number(f[5])));
        }

        return candles;
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
