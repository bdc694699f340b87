using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class ObFvgDetectorWarmUpTests
{
    [Fact]
    public void Update_WhenOnlyNineteenCandlesArrived_DetectsNothingEvenWithAnOrderBlockShape()
    {
        var feed = new CandleFeed();
        for (var i = 0; i < 17; i++)
        {
            Assert.Empty(feed.Doji(100m, 101m, 99m));
        }

        // Candles 18 and 19 form a textbook bullish order block, but candle 19 is still warm-up.
        Assert.Empty(feed.Push(100.5m, 101m, 99m, 99.5m));
        Assert.Empty(feed.Push(99.5m, 102.1m, 99.4m, 102m));

        Assert.Equal(19, feed.Detector.CandleCount);
        Assert.Empty(feed.Detector.AllPatterns);
        Assert.Empty(feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void Update_OnTheTwentiethCandle_AnalysesItWithWarmUpCandlesAsHistory()
    {
        var (feed, detected) = Setups.BullishOrderBlock();

        var pattern = Assert.Single(detected);
        Assert.Equal(PatternKind.OrderBlock, pattern.Kind);
        Assert.Equal(CandleFeed.TimeOf(19), pattern.PatternTime);
        Assert.Equal(CandleFeed.TimeOf(20), pattern.DetectedTime);
        Assert.Equal(20, feed.Detector.CandleCount);
    }

    [Fact]
    public void Update_WithMinCandlesThree_AnalysesTheThirdCandle()
    {
        var feed = new CandleFeed(new ObFvgOptions { MinCandles = 3 });
        Assert.Empty(feed.Doji(100m, 101m, 99m));
        Assert.Empty(feed.Push(100.5m, 101m, 99m, 99.5m));

        var pattern = Assert.Single(feed.Push(99.5m, 102.1m, 99.4m, 102m));

        Assert.Equal($"ob:XRPUSDT:5m:{CandleFeed.MsOf(2)}:bullish", pattern.Id);
    }

    [Fact]
    public void Update_WithMinCandlesFour_DoesNotAnalyseTheThirdCandle()
    {
        var feed = new CandleFeed(new ObFvgOptions { MinCandles = 4 });
        feed.Doji(100m, 101m, 99m);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        Assert.Empty(feed.Push(99.5m, 102.1m, 99.4m, 102m));
        Assert.Empty(feed.Detector.AllPatterns);
    }

    [Fact]
    public void Update_WithMinCandlesOne_DetectsAnOrderBlockOnTheSecondCandle()
    {
        var feed = new CandleFeed(new ObFvgOptions { MinCandles = 1 });
        Assert.Empty(feed.Push(100.5m, 101m, 99m, 99.5m));

        var pattern = Assert.Single(feed.Push(99.5m, 102.1m, 99.4m, 102m));

        Assert.Equal(CandleFeed.TimeOf(1), pattern.PatternTime);
    }
}
