using System.Globalization;

namespace Ict.Indicators.Smc.Csv;

/// <summary>
/// Reads candles into an <see cref="OhlcvSeries"/> from either of two layouts, chosen by the header:
/// the smc/MetaTrader export (<c>Date,Open,High,Low,Close[,...]</c>, dates as <c>yyyy.MM.dd HH:mm:ss</c>, volume from a
/// <c>Volume</c> column if present, never from <c>Tickvol</c>) or <c>open_time_ms,open,high,low,close,volume</c> (UTC milliseconds).
/// Header names are matched case-insensitively, as smc lower-cases them. A missing final newline is fine.
/// </summary>
public static class OhlcvCsvReader
{
    private static readonly string[] PriceColumns = ["open", "high", "low", "close"];
    private static readonly string[] DateFormats = ["yyyy.MM.dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy.MM.dd HH:mm", "yyyy-MM-dd HH:mm"];

    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <exception cref="OhlcvFormatException">The file is empty, lacks a column, or a line does not parse.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static OhlcvSeries ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads from a text reader.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The name to use in error messages (usually the path).</param>
    /// <exception cref="OhlcvFormatException">The text is empty, lacks a column, or a line does not parse.</exception>
    public static OhlcvSeries Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new OhlcvFormatException(name, 1, "the file is empty (expected a header)");
        var columns = header.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        var byMs = columns.IndexOf("open_time_ms");
        var byDate = columns.IndexOf("date");
        if (byMs < 0 && byDate < 0)
        {
            throw new OhlcvFormatException(name, 1, "the header has neither a 'Date' nor an 'open_time_ms' column");
        }

        var timeCol = byMs >= 0 ? byMs : byDate;
        int[] priceCols = [.. PriceColumns.Select(c => Require(columns, c, name))];
        var volCol = columns.IndexOf("volume");
        var rows = new Rows();
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != columns.Count)
            {
                throw new OhlcvFormatException(name, lineNo, $"expected {columns.Count} fields, found {fields.Length}");
            }

            var time = byMs >= 0 ? ParseMs(fields[timeCol], name, lineNo) : ParseDate(fields[timeCol], name, lineNo);
            if (rows.Time.Count > 0 && time <= rows.Time[^1])
            {
                throw new OhlcvFormatException(name, lineNo, $"time {fields[timeCol]} is not after the previous row's");
            }

            rows.Time.Add(time);
            rows.Open.Add(ParsePrice(fields[priceCols[0]], "open", name, lineNo));
            rows.High.Add(ParsePrice(fields[priceCols[1]], "high", name, lineNo));
            rows.Low.Add(ParsePrice(fields[priceCols[2]], "low", name, lineNo));
            rows.Close.Add(ParsePrice(fields[priceCols[3]], "close", name, lineNo));
            rows.Volume.Add(volCol < 0 ? 0.0 : ParseNumber(fields[volCol], "volume", name, lineNo, allowNaN: true));
        }

        return new OhlcvSeries([.. rows.Time], [.. rows.Open], [.. rows.High], [.. rows.Low], [.. rows.Close], [.. rows.Volume]);
    }

    private static int Require(List<string> columns, string column, string name)
    {
        var index = columns.IndexOf(column);
        return index >= 0 ? index : throw new OhlcvFormatException(name, 1, $"the header has no '{column}' column");
    }

    private static DateTime ParseMs(string field, string name, int line)
    {
        if (!long.TryParse(field.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            || ms < 0 || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new OhlcvFormatException(name, line, $"open_time_ms '{field}' is not a millisecond timestamp");
        }

        return DateTime.SpecifyKind(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime, DateTimeKind.Unspecified);
    }

    private static DateTime ParseDate(string field, string name, int line) =>
        DateTime.TryParseExact(field.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw new OhlcvFormatException(name, line, $"Date '{field}' is not yyyy.MM.dd HH:mm:ss");

    private static double ParsePrice(string field, string column, string name, int line) =>
        ParseNumber(field, column, name, line, allowNaN: false);

    private static double ParseNumber(string field, string column, string name, int line, bool allowNaN)
    {
        var text = field.Trim();
        if (allowNaN && (text.Length == 0 || text.Equals("nan", StringComparison.OrdinalIgnoreCase)))
        {
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new OhlcvFormatException(name, line, $"{column} '{field}' is not a finite number");
        }

        return value;
    }

    private sealed class Rows
    {
        public List<DateTime> Time { get; } = [];

        public List<double> Open { get; } = [];

        public List<double> High { get; } = [];

        public List<double> Low { get; } = [];

        public List<double> Close { get; } = [];

        public List<double> Volume { get; } = [];
    }
}
