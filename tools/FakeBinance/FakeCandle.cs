using System.Globalization;

namespace FakeBinance;

/// <summary>A candle as the fake stores and streams it (times in ms).</summary>
public sealed record FakeCandle(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    /// <summary>Reads <c>open_time_ms,open,high,low,close,volume</c> rows (header optional, "nan" volume reads as 0).</summary>
    public static IReadOnlyList<FakeCandle> ReadCsv(string path)
    {
        var result = new List<FakeCandle>();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(',');
            if (f.Length < 6 || !long.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var t))
            {
                continue;
            }

            result.Add(new FakeCandle(t, D(f[1]), D(f[2]), D(f[3]), D(f[4]), f[5].Trim() == "nan" ? 0m : D(f[5])));
        }

        return result;
    }

    private static decimal D(string s) => (decimal)double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
