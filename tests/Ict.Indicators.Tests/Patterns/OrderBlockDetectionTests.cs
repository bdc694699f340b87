using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class OrderBlockDetectionTests
{
    [Fact]
    public void OrderBlock_WhenBullishImpulseFollowsBearishCandle_IsDetectedOnThePreviousCandlesRange()
    {
        var (feed, detected) = Setups.BullishOrderBlock();

        var ob = Assert.Single(detected);
        // Candle 19 opens at 1704067200000 + 18 × 300000.
        Assert.Equal("ob:XRPUSDT:5m:1704072600000:bullish", ob.Id);
        Assert.Equal(PatternKind.OrderBlock, ob.Kind);
        Assert.Equal(Direction.Bullish, ob.Direction);
        Assert.Equal(CandleFeed.Symbol, ob.Symbol);
        Assert.Equal(CandleFeed.Interval, ob.Interval);
        Assert.Equal(101m, ob.Top);
        Assert.Equal(99m, ob.Bottom);
        Assert.Equal(CandleFeed.TimeOf(19), ob.PatternTime);
        Assert.Equal(CandleFeed.TimeOf(20), ob.DetectedTime);
        Assert.Equal(0, ob.Touches);
        Assert.Equal(0m, ob.FilledPercent);
        Assert.Equal(PatternState.Active, ob.State);
        Assert.Null(ob.EndedTime);
        Assert.Null(ob.EndReason);
        Assert.Equal([ob], feed.Detector.ActiveOrderBlocks);
        Assert.Empty(feed.Detector.ActiveFairValueGaps);
        Assert.Equal([ob], feed.Detector.AllPatterns);
    }

    [Fact]
    public void OrderBlock_WhenBearishImpulseFollowsBullishCandle_IsDetectedAsBearish()
    {
        var (feed, detected) = Setups.BearishOrderBlock();

        var ob = Assert.Single(detected);
        Assert.Equal("ob:XRPUSDT:5m:1704072600000:bearish", ob.Id);
        Assert.Equal(Direction.Bearish, ob.Direction);
        Assert.Equal(101m, ob.Top);
        Assert.Equal(99m, ob.Bottom);
        Assert.Equal(CandleFeed.TimeOf(19), ob.PatternTime);
        Assert.Equal(CandleFeed.TimeOf(20), ob.DetectedTime);
        Assert.Equal([ob], feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void OrderBlock_WhenBodyRatioIsExactly07_IsNotDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        // Body 7, range 10: exactly 0.7, and the rule is strictly greater.
        Assert.Empty(feed.Push(100m, 110m, 100m, 107m));
    }

    [Fact]
    public void OrderBlock_WhenBodyRatioIsJustAbove07_IsDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        // Body 7.0000001, range 10: 0.70000001.
        var ob = Assert.Single(feed.Push(100m, 110m, 100m, 107.0000001m));

        Assert.Equal(Direction.Bullish, ob.Direction);
    }

    [Fact]
    public void OrderBlock_WhenRatioIsExactly07InDecimalButAboveItInDouble_IsNotDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(17);
        feed.Doji(2.35m, 2.4m, 2.3m);
        feed.Push(2.36m, 2.38m, 2.31m, 2.32m);

        // (2.37 − 2.3) / (2.4 − 2.3) is 0.7 exactly, but 0.7000000000000022 in binary floating point.
        Assert.Empty(feed.Push(2.3m, 2.4m, 2.3m, 2.37m));
    }

    [Fact]
    public void OrderBlock_WithALowerMinBodyRatio_AcceptsAWeakerImpulse()
    {
        var feed = new CandleFeed(new ObFvgOptions { MinBodyRatio = 0.5m });
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        // Body 6, range 10: 0.6 > 0.5.
        Assert.Single(feed.Push(100m, 110m, 100m, 106m));
    }

    [Fact]
    public void OrderBlock_WhenImpulseCandleHasZeroRange_IsNeverDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        Assert.Empty(feed.Push(100m, 100m, 100m, 100m));
    }

    [Fact]
    public void OrderBlock_WhenPreviousCandleHasZeroRange_IsNotDetectedBecauseItIsADoji()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100m, 100m, 100m, 100m);

        // Body 2.9, range 3.1: a strong impulse, but P has no colour.
        Assert.Empty(feed.Push(100m, 103m, 99.9m, 102.9m));
    }

    [Fact]
    public void OrderBlock_WhenPreviousCandleIsDoji_IsNotDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100m, 101m, 99m, 100m);

        Assert.Empty(feed.Push(99.5m, 102.1m, 99.4m, 102m));
    }

    [Fact]
    public void OrderBlock_WhenPreviousCandleHasTheSameColour_IsNotDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(99.5m, 101m, 99m, 100.5m);

        Assert.Empty(feed.Push(99.5m, 102.1m, 99.4m, 102m));
    }

    [Fact]
    public void OrderBlock_WhenBearishImpulseFollowsBearishCandle_IsNotDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99m, 99.5m);

        Assert.Empty(feed.Push(100.5m, 100.6m, 97.9m, 98m));
    }
}
