using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ict.Abstractions;
using Ict.Engine.Market;

namespace Ict.Bench;

/// <summary>
/// How fast a candle CSV is read (the first step of <c>ict backtest --data</c>): the bench candles written as a
/// 6-column file, then parsed and checked by <see cref="CandleCsvReader"/>, best of two.
/// </summary>
internal static class CsvParse
{
    public static double CandlesPerSecond(Candle[] candles, string folder)
    {
        var path = Path.Combine(folder, "candles.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("open_time,open,high,low,close,volume");
            foreach (var c in candles)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.OpenTime.ToUnixTimeMilliseconds()},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume}"));
            }
        }

        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            var watch = Stopwatch.StartNew();
            var count = CandleCsvReader.Read(path, candles[0].Symbol, candles[0].Interval).Count();
            watch.Stop();
            if (count != candles.Length)
            {
                throw new InvalidOperationException($"read {count} candles, wrote {candles.Length}");
            }

            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        File.Delete(path);
        return candles.Length / best.TotalSeconds;
    }
}
