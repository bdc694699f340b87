using System.Globalization;
using System.Text;

namespace Ict.SampleData;

/// <summary>Writes and checks the sample candle CSV: <c>open_time_ms,open,high,low,close,volume</c>, LF line ends.</summary>
internal static class CandleCsv
{
    public const string Header = "open_time_ms,open,high,low,close,volume";

    /// <summary>Writes the candles to <paramref name="path"/> (through a temporary file, so a reader never sees half a file).</summary>
    public static void Write(string path, IReadOnlyList<SampleCandle> candles)
    {
        var builder = new StringBuilder(capacity: 64 * (candles.Count + 1));
        builder.Append(Header).Append('\n');
        foreach (var c in candles)
        {
            builder.Append(c.OpenTimeMs.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Open.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.High.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Low.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Close.ToString("F1", CultureInfo.InvariantCulture)).Append(',')
                .Append(c.Volume.ToString("F3", CultureInfo.InvariantCulture)).Append('\n');
        }

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = full + ".tmp";
        File.WriteAllText(temporary, builder.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>
    /// Checks a candle file: exact header, six fields per row, prices with exactly one decimal on the 0.1 tick,
    /// volume with exactly three decimals, open times ascending by one constant step, each open equal to the
    /// previous close, low ≤ min(open, close), high ≥ max(open, close), low &gt; 0, and a final newline.
    /// </summary>
    /// <returns>The number of candles, or an error naming the first offending (1-based) line.</returns>
    public static (int Candles, string? Error) Verify(string text)
    {
        if (text.Length == 0)
        {
            return (0, "line 1: the file is empty");
        }

        var lines = text.Split('\n');
        // A newline-terminated file splits into the lines plus one empty string at the end.
        var lineCount = lines.Length - 1;
        if (lines[^1].Length != 0)
        {
            return (0, $"line {lines.Length}: the file does not end with a newline");
        }

        if (lines[0] != Header)
        {
            return (0, $"line 1: the header must be '{Header}'");
        }

        if (lineCount < 2)
        {
            return (0, "line 2: the file holds no candles");
        }

        long previousTime = 0;
        long step = 0;
        decimal previousClose = 0;
        for (var i = 1; i < lineCount; i++)
        {
            var number = i + 1;
            if (lines[i].Contains('\r', StringComparison.Ordinal))
            {
                return (0, $"line {number}: carriage return found; lines must end with LF only");
            }

            var fields = lines[i].Split(',');
            if (fields.Length != 6)
            {
                return (0, $"line {number}: expected 6 comma-separated fields, found {fields.Length}");
            }

            if (!IsDigits(fields[0]) || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time))
            {
                return (0, $"line {number}: open_time_ms '{fields[0]}' is not a non-negative integer");
            }

            var prices = new decimal[4];
            for (var f = 0; f < 4; f++)
            {
                if (!TryParseFixed(fields[f + 1], 1, out prices[f]))
                {
                    return (0, $"line {number}: price '{fields[f + 1]}' must have exactly one decimal (0.1 tick)");
                }
            }

            if (!TryParseFixed(fields[5], 3, out _))
            {
                return (0, $"line {number}: volume '{fields[5]}' must have exactly three decimals");
            }

            var (open, high, low, close) = (prices[0], prices[1], prices[2], prices[3]);
            if (low <= 0)
            {
                return (0, $"line {number}: low {fields[3]} is not above zero");
            }

            if (low > Math.Min(open, close))
            {
                return (0, $"line {number}: low {fields[3]} is above min(open, close)");
            }

            if (high < Math.Max(open, close))
            {
                return (0, $"line {number}: high {fields[2]} is below max(open, close)");
            }

            if (i > 1)
            {
                var gap = time - previousTime;
                if (i == 2)
                {
                    step = gap;
                    if (step <= 0)
                    {
                        return (0, $"line {number}: open times must ascend");
                    }
                }
                else if (gap != step)
                {
                    return (0, $"line {number}: open time is {gap} ms after the previous one, expected {step} ms");
                }

                if (open != previousClose)
                {
                    return (0, $"line {number}: open {fields[1]} differs from the previous close");
                }
            }

            previousTime = time;
            previousClose = close;
        }

        return (lineCount - 1, null);
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);

    /// <summary>Parses a non-negative decimal written with exactly <paramref name="decimals"/> digits after the point.</summary>
    private static bool TryParseFixed(string s, int decimals, out decimal value)
    {
        value = 0;
        var point = s.IndexOf('.', StringComparison.Ordinal);
        if (point <= 0 || s.Length - point - 1 != decimals
            || !IsDigits(s[..point]) || !IsDigits(s[(point + 1)..]))
        {
            return false;
        }

        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
