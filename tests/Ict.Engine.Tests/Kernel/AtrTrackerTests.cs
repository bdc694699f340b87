using Ict.Abstractions;
using Ict.Engine.Kernel;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Kernel;

public sealed class AtrTrackerTests
{
    [Fact]
    public void Atr_IsUnknownBefore14Candles_ThenTheMeanTrueRange_ThenWilderSmoothed()
    {
        var atr = new AtrTracker();
        for (var i = 0; i < 13; i++)
        {
            atr.Observe(Candle(i, 100m, 101m, 99m, 100m)); // true range 2
        }

        Assert.Null(atr.Get(Btc));
        atr.Observe(Candle(13, 100m, 101m, 99m, 100m));
        Assert.Equal(2m, atr.Get(Btc));

        // A gap up: high 106 − previous close 100 = 6 is the true range (the candle's own range is 2).
        atr.Observe(Candle(14, 105m, 106m, 104m, 105m));
        Assert.Equal((decimal)(((2.0 * 13) + 6) / 14), atr.Get(Btc));
        Assert.Equal(2.28571428571429m, atr.Get(Btc)); // the decimal of double's 15 significant digits
    }

    [Fact]
    public void Atr_KeptInDouble_StaysWithinATrillionthOfTheExactDecimalWilderAverage_OverALongSeries()
    {
        var atr = new AtrTracker();
        var random = new Random(7);
        var close = 42_000.10m;
        decimal? previous = null;
        var sum = 0m;
        decimal exact = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var open = close;
            close = Math.Round(open * (1m + ((decimal)random.NextDouble() - 0.5m) / 50m), 1);
            var high = Math.Max(open, close) + Math.Round((decimal)random.NextDouble() * 40m, 1);
            var low = Math.Min(open, close) - Math.Round((decimal)random.NextDouble() * 40m, 1);
            atr.Observe(Candle(i, open, high, low, close));

            var range = high - low;
            var trueRange = previous is { } p ? Math.Max(range, Math.Max(Math.Abs(high - p), Math.Abs(low - p))) : range;
            previous = close;
            if (i < 13)
            {
                sum += trueRange;
                continue;
            }

            exact = i == 13 ? (sum + trueRange) / 14m : ((exact * 13m) + trueRange) / 14m;
            var tracked = atr.Get(Btc)!.Value;
            Assert.True(Math.Abs(tracked - exact) <= exact * 1e-12m, $"candle {i}: {tracked} vs {exact}");
        }
    }

    [Fact]
    public void Atr_IgnoresOtherIntervalsOfTheSameSymbol()
    {
        var atr = new AtrTracker();
        for (var i = 0; i < 14; i++)
        {
            atr.Observe(Candle(i, 100m, 101m, 99m, 100m));
        }

        atr.Observe(new Candle(Btc, Interval.Parse("1h"), T0, 100m, 150m, 50m, 100m, 1m));

        Assert.Equal(2m, atr.Get(Btc));
    }
}
