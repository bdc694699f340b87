using System.Globalization;
using Ict.Abstractions;

namespace Ict.Engine.Market;

/// <summary>
/// Reads candles from CSV in either Binance's 12-column kline layout (open time, open, high, low, close, volume,
/// close time, quote volume, trades, taker buy base, taker buy quote, ignore) or the 6-column
/// <c>open_time_ms,open,high,low,close,volume</c> layout, with or without a header. Open times in microseconds
/// (Binance spot files since 2025) are recognised. A malformed row is an error naming the file and line; rows must
/// be strictly ascending, spaced by whole intervals. Gaps are allowed here and reported by <see cref="GapDetector"/>.
/// </summary>
public static class CandleCsvReader
{
    private const long MicrosecondThreshold = 100_000_000_000_000; // open times above this are microseconds

    public static IEnumerable<Candle> Read(string path, Symbol symbol, Interval interval)
    {
        if (!File.Exists(path))
        {
            throw new CandleFileException($"{path}: candle file not found");
        }

        return ReadLines(path, File.ReadLines(path), symbol, interval);
    }

    public static IEnumerable<Candle> ReadLines(string displayName, IEnumerable<string> lines, Symbol symbol, Interval interval)
    {
        var lineNumber = 0;
        var columns = 0;
        long previous = long.MinValue;
        var intervalMs = (long)interval.Duration.TotalMilliseconds;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (columns == 0)
            {
                columns = fields.Length;
                if (columns != 6 && columns != 12)
                {
                    throw Error(displayName, lineNumber, $"expected 6 columns (open_time_ms,open,high,low,close,volume) or Binance's 12 kline columns, found {columns}");
                }

                if (!long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    continue; // a header line
                }
            }
            else if (fields.Length != columns)
            {
                throw Error(displayName, lineNumber, $"expected {columns} columns like the first line, found {fields.Length}");
            }

            if (!long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var openTime))
            {
                throw Error(displayName, lineNumber, $"open time '{fields[0]}' is not a whole number of milliseconds");
            }

            if (openTime > MicrosecondThreshold)
            {
                openTime /= 1000;
            }

            var open = Price(fields[1], "open");
            var high = Price(fields[2], "high");
            var low = Price(fields[3], "low");
            var close = Price(fields[4], "close");
            var volume = fields[5].Equals("nan", StringComparison.OrdinalIgnoreCase) ? 0m : Number(fields[5], "volume");

            if (high < Math.Max(open, close) || low > Math.Min(open, close) || low < 0)
            {
                throw Error(displayName, lineNumber, $"inconsistent prices: open {open}, high {high}, low {low}, close {close}");
            }

            if (previous != long.MinValue)
            {
                if (openTime <= previous)
                {
                    throw Error(displayName, lineNumber, openTime == previous
                        ? $"duplicate candle at {Format(openTime)}"
                        : $"candle at {Format(openTime)} is earlier than the one before it ({Format(previous)}); rows must be ascending");
                }

                if ((openTime - previous) % intervalMs != 0)
                {
                    throw Error(displayName, lineNumber, $"candle at {Format(openTime)} is {(openTime - previous) / 1000} s after the previous one, not a whole number of {interval} intervals: is the interval right?");
                }
            }

            previous = openTime;
            yield return new Candle(symbol, interval, DateTimeOffset.FromUnixTimeMilliseconds(openTime), open, high, low, close, volume);

            decimal Price(string text, string name)
            {
                var value = Number(text, name);
                return value > 0 ? value : throw Error(displayName, lineNumber, $"{name} '{text}' must be positive");
            }

            decimal Number(string text, string name) =>
                decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw Error(displayName, lineNumber, $"{name} '{text}' is not a number");
        }

        if (columns == 0)
        {
            throw new CandleFileException($"{displayName}: no candles in the file");
        }
    }

    private static string Format(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static CandleFileException Error(string file, int line, string message) => new($"{file}:{line}: {message}");
}
