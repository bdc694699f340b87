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
        var file = new FileState(displayName, symbol, interval);
        foreach (var raw in lines)
        {
            file.LineNumber++;
            if (ParseLine(raw, file) is { } candle)
            {
                yield return candle;
            }
        }

        if (file.Columns == 0)
        {
            throw new CandleFileException($"{displayName}: no candles in the file");
        }
    }

    // One line: a candle, or null for a blank line or the header. Fields are read as spans of the line, so a row
    // costs no strings beyond the line itself (texts are only made for error messages).
    private static Candle? ParseLine(string raw, FileState file)
    {
        var line = raw.AsSpan().Trim();
        if (line.IsEmpty)
        {
            return null;
        }

        var fieldCount = line.Count(',') + 1;
        Span<Range> fields = stackalloc Range[12];
        line.Split(fields, ','); // more than 12 fields are refused below, before any field is read
        if (file.Columns == 0)
        {
            file.Columns = fieldCount;
            if (fieldCount != 6 && fieldCount != 12)
            {
                throw Error(file, $"expected 6 columns (open_time_ms,open,high,low,close,volume) or Binance's 12 kline columns, found {fieldCount}");
            }

            if (!long.TryParse(line[fields[0]], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return null; // a header line
            }
        }
        else if (fieldCount != file.Columns)
        {
            throw Error(file, $"expected {file.Columns} columns like the first line, found {fieldCount}");
        }

        var timeText = line[fields[0]];
        if (!long.TryParse(timeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var openTime))
        {
            throw Error(file, $"open time '{timeText}' is not a whole number of milliseconds");
        }

        if (openTime > MicrosecondThreshold)
        {
            openTime /= 1000;
        }

        var open = Price(file, line[fields[1]], "open");
        var high = Price(file, line[fields[2]], "high");
        var low = Price(file, line[fields[3]], "low");
        var close = Price(file, line[fields[4]], "close");
        var volumeText = line[fields[5]];
        var volume = volumeText.Equals("nan", StringComparison.OrdinalIgnoreCase) ? 0m : Number(file, volumeText, "volume");

        if (high < Math.Max(open, close) || low > Math.Min(open, close) || low < 0)
        {
            throw Error(file, $"inconsistent prices: open {open}, high {high}, low {low}, close {close}");
        }

        var previous = file.PreviousOpenTime;
        if (previous != long.MinValue)
        {
            if (openTime <= previous)
            {
                throw Error(file, openTime == previous
                    ? $"duplicate candle at {Format(openTime)}"
                    : $"candle at {Format(openTime)} is earlier than the one before it ({Format(previous)}); rows must be ascending");
            }

            if ((openTime - previous) % file.IntervalMs != 0)
            {
                throw Error(file, $"candle at {Format(openTime)} is {(openTime - previous) / 1000} s after the previous one, not a whole number of {file.Interval} intervals: is the interval right?");
            }
        }

        file.PreviousOpenTime = openTime;
        return new Candle(file.Symbol, file.Interval, DateTimeOffset.FromUnixTimeMilliseconds(openTime), open, high, low, close, volume);
    }

    private static decimal Price(FileState file, ReadOnlySpan<char> text, string name)
    {
        var value = Number(file, text, name);
        return value > 0 ? value : throw Error(file, $"{name} '{text}' must be positive");
    }

    private static decimal Number(FileState file, ReadOnlySpan<char> text, string name) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(file, $"{name} '{text}' is not a number");

    private static string Format(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static CandleFileException Error(FileState file, string message) => new($"{file.DisplayName}:{file.LineNumber}: {message}");

    /// <summary>What reading one file carries from line to line.</summary>
    private sealed class FileState(string displayName, Symbol symbol, Interval interval)
    {
        public string DisplayName { get; } = displayName;

        public Symbol Symbol { get; } = symbol;

        public Interval Interval { get; } = interval;

        public long IntervalMs { get; } = (long)interval.Duration.TotalMilliseconds;

        public int LineNumber { get; set; }

        public int Columns { get; set; }

        public long PreviousOpenTime { get; set; } = long.MinValue;
    }
}
