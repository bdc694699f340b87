using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class ObFvgDetectorHistoryTests
{
    /// <summary>Every candle makes an order block from the one before, and each block expires two candles later.</summary>
    private static readonly ObFvgOptions OneCandleBlocks = new()
    {
        HistoryCandles = 3,
        MinCandles = 3,
        ObMaxAgeCandles = 1,
    };

    [Fact]
    public void CandleCount_WhenMoreCandlesArriveThanHistoryCandles_StaysAtTheCap()
    {
        var feed = new CandleFeed(new ObFvgOptions { HistoryCandles = 5, MinCandles = 3 });
        var counts = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            feed.Filler(1);
            counts.Add(feed.Detector.CandleCount);
        }

        Assert.Equal([1, 2, 3, 4, 5, 5, 5, 5], counts);
    }

    [Fact]
    public void Detector_WithASmallHistory_StillUsesTheLatestCandles()
    {
        var feed = new CandleFeed(new ObFvgOptions { HistoryCandles = 3, MinCandles = 3 });
        feed.Filler(10);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        var ob = Assert.Single(feed.Push(99.5m, 102.1m, 99.4m, 102m));

        Assert.Equal(CandleFeed.TimeOf(11), ob.PatternTime);
        Assert.Equal(3, feed.Detector.CandleCount);
    }

    [Fact]
    public void AllPatterns_WhenMoreEndThanTheCap_KeepsTheLatestEndedAndTheActive()
    {
        var feed = new CandleFeed(new ObFvgDetector(CandleFeed.Symbol, CandleFeed.Interval, OneCandleBlocks, maxEndedPatternsKept: 2));

        // Candles 1..8 alternate bullish and bearish full-body candles: blocks on P = 2..7, those on 2..6 have ended.
        Alternate(feed, 8);

        var all = feed.Detector.AllPatterns;
        Assert.Equal([CandleFeed.TimeOf(5), CandleFeed.TimeOf(6), CandleFeed.TimeOf(7)], all.Select(p => p.PatternTime));
        Assert.Equal([PatternState.Expired, PatternState.Expired, PatternState.Active], all.Select(p => p.State));
        Assert.Equal([Direction.Bearish, Direction.Bullish, Direction.Bearish], all.Select(p => p.Direction));
    }

    [Fact]
    public void AllPatterns_ByDefault_KeepsTenThousandEndedPatterns()
    {
        var feed = new CandleFeed(OneCandleBlocks);

        // Blocks on P = 2..10004; 2..10003 (10,002) have ended, so the first two are dropped.
        Alternate(feed, 10_005);

        var all = feed.Detector.AllPatterns;
        Assert.Equal(10_001, all.Count);
        Assert.Equal(CandleFeed.TimeOf(4), all[0].PatternTime);
        Assert.Equal(CandleFeed.TimeOf(10_004), all[^1].PatternTime);
        Assert.True(all[^1].IsActive);
        Assert.Equal(10_000, ObFvgDetector.MaxEndedPatternsKept);
    }

    private static void Alternate(CandleFeed feed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                feed.Push(100m, 101m, 100m, 101m);
            }
            else
            {
                feed.Push(101m, 101m, 100m, 100m);
            }
        }
    }
}
