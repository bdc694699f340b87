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
        Assert.Equal(((2m * 13m) + 6m) / 14m, atr.Get(Btc));
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
