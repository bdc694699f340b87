using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>Seeded random-walk candles with volume, for agreement tests on data other than the golden file.</summary>
internal static class SyntheticSeries
{
    public static OhlcvSeries RandomWalk(int n, int seed, double tick = 0.01)
    {
        var random = new Random(seed);
        var time = new DateTime[n];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        var price = 100.0;
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        for (var i = 0; i < n; i++)
        {
            time[i] = start.AddMinutes(15 * i);
            // Prices on a tick grid so equal highs/lows (ties) happen, as they do in real data.
            open[i] = Math.Round(price / tick) * tick;
            close[i] = Math.Round((open[i] + ((random.NextDouble() - 0.5) * 1.0)) / tick) * tick;
            high[i] = Math.Max(open[i], close[i]) + (Math.Round(random.NextDouble() * 30) * tick);
            low[i] = Math.Min(open[i], close[i]) - (Math.Round(random.NextDouble() * 30) * tick);
            volume[i] = Math.Round(random.NextDouble() * 1000, 2);
            price = close[i];
        }

        return new OhlcvSeries(time, open, high, low, close, volume);
    }
}
