using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

/// <summary>
/// Lifecycle of the bullish (or bearish) order block from <see cref="Setups"/>: zone 99–101, pattern candle 19,
/// detected on candle 20. Fair value gaps are switched off so each step returns only the block.
/// </summary>
public sealed class OrderBlockLifecycleTests
{
    private static readonly string BullishId = $"ob:XRPUSDT:5m:{CandleFeed.MsOf(19)}:bullish";

    [Fact]
    public void OrderBlock_WhenTouchedUpToMaxTouches_IsInvalidatedWithMaxTouches()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly);

        var first = Assert.Single(feed.Doji(101.5m, 102m, 100.5m));
        Assert.Equal(BullishId, first.Id);
        Assert.Equal(1, first.Touches);
        Assert.Equal(PatternState.Active, first.State);

        // Low 101.5 stays above the top (101): no touch, nothing changes.
        Assert.Empty(feed.Doji(102m, 102.5m, 101.5m));

        var second = Assert.Single(feed.Doji(101.5m, 102m, 101m));
        Assert.Equal(2, second.Touches);
        Assert.True(second.IsActive);

        var third = Assert.Single(feed.Doji(100m, 100.5m, 99.5m));
        Assert.Equal(3, third.Touches);
        Assert.Equal(PatternState.Invalidated, third.State);
        Assert.Equal(EndReasons.MaxTouches, third.EndReason);
        Assert.Equal("max_touches", third.EndReason);
        Assert.Equal(CandleFeed.TimeOf(24), third.EndedTime);

        Assert.Empty(feed.Detector.ActiveOrderBlocks);
        Assert.Equal([third], feed.Detector.AllPatterns);
        Assert.Empty(feed.Doji(100m, 100.5m, 99.5m));
    }

    [Fact]
    public void OrderBlock_WhenCandleLowEqualsTheTop_CountsATouch()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly);

        var touched = Assert.Single(feed.Doji(101.5m, 102m, 101m));

        Assert.Equal(1, touched.Touches);
    }

    [Fact]
    public void OrderBlock_WhenCandleHighEqualsTheBottom_CountsATouch()
    {
        var (feed, _) = Setups.BearishOrderBlock(CandleFeed.OrderBlocksOnly);

        var touched = Assert.Single(feed.Doji(98.5m, 99m, 98m));

        Assert.Equal(1, touched.Touches);
        Assert.True(touched.IsActive);
    }

    [Fact]
    public void OrderBlock_WhenBullishBlockIsClosedBelowItsBottom_IsInvalidatedAsClosedThrough()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly);

        var ended = Assert.Single(feed.Push(100m, 100.5m, 98m, 98.5m));

        Assert.Equal(1, ended.Touches);
        Assert.Equal(PatternState.Invalidated, ended.State);
        Assert.Equal("closed_through", ended.EndReason);
        Assert.Equal(CandleFeed.TimeOf(21), ended.EndedTime);
        Assert.Empty(feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void OrderBlock_WhenClosedExactlyAtItsBottom_StaysActive()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly);

        var touched = Assert.Single(feed.Push(100m, 100.5m, 98.5m, 99m));

        Assert.Equal(1, touched.Touches);
        Assert.True(touched.IsActive);
        Assert.Null(touched.EndReason);
    }

    [Fact]
    public void OrderBlock_WhenBearishBlockIsClosedAboveItsTop_IsInvalidatedAsClosedThrough()
    {
        var (feed, _) = Setups.BearishOrderBlock(CandleFeed.OrderBlocksOnly);

        var ended = Assert.Single(feed.Push(100m, 102m, 99.5m, 101.5m));

        Assert.Equal(1, ended.Touches);
        Assert.Equal(PatternState.Invalidated, ended.State);
        Assert.Equal("closed_through", ended.EndReason);
        Assert.Equal(CandleFeed.TimeOf(21), ended.EndedTime);
    }

    [Fact]
    public void OrderBlock_WhenCandleGapsBelowTheZoneAndClosesThere_IsClosedThroughWithoutATouch()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly);

        var ended = Assert.Single(feed.Push(98.4m, 98.5m, 97m, 97.5m));

        Assert.Equal(0, ended.Touches);
        Assert.Equal("closed_through", ended.EndReason);
    }

    [Fact]
    public void OrderBlock_WhenTheLastAllowedTouchAlsoClosesThrough_ReportsClosedThrough()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly with { ObMaxTouches = 1 });

        var ended = Assert.Single(feed.Push(100m, 100.5m, 98m, 98.5m));

        Assert.Equal(1, ended.Touches);
        Assert.Equal("closed_through", ended.EndReason);
    }

    [Fact]
    public void OrderBlock_OnItsDetectionCandle_IsNotTouchedByIt()
    {
        // The impulse candle (low 99.4) overlaps the zone 99–101; with one touch allowed, counting it would end the block.
        var (feed, detected) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly with { ObMaxTouches = 1 });

        var ob = Assert.Single(detected);
        Assert.Equal(0, ob.Touches);
        Assert.True(ob.IsActive);
        Assert.Equal([ob], feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void OrderBlock_AtExactlyMaxAge_IsStillUpdated()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly with { ObMaxAgeCandles = 5 });
        for (var number = 21; number <= 23; number++)
        {
            Assert.Empty(feed.Doji(102m, 102.5m, 101.5m));
        }

        // Candle 24 − pattern candle 19 = age 5 = max: still alive, and the touch counts.
        var touched = Assert.Single(feed.Doji(100m, 100.5m, 99.5m));

        Assert.Equal(1, touched.Touches);
        Assert.True(touched.IsActive);
        Assert.Single(feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void OrderBlock_OneCandleOverMaxAge_ExpiresWithoutCountingThatCandle()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly with { ObMaxAgeCandles = 5 });
        for (var number = 21; number <= 24; number++)
        {
            Assert.Empty(feed.Doji(102m, 102.5m, 101.5m));
        }

        Assert.Single(feed.Detector.ActiveOrderBlocks);

        // Candle 25: age 6 > 5. It also overlaps and closes through the zone; neither may count.
        var expired = Assert.Single(feed.Push(100m, 100.5m, 98m, 98.5m));

        Assert.Equal(PatternState.Expired, expired.State);
        Assert.Equal("max_age", expired.EndReason);
        Assert.Equal(CandleFeed.TimeOf(25), expired.EndedTime);
        Assert.Equal(0, expired.Touches);
        Assert.Empty(feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void OrderBlock_WithMaxAgeOne_ExpiresOnTheCandleAfterDetection()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly with { ObMaxAgeCandles = 1 });

        var expired = Assert.Single(feed.Doji(102m, 102.5m, 101.5m));

        Assert.Equal(PatternState.Expired, expired.State);
        Assert.Equal(CandleFeed.TimeOf(21), expired.EndedTime);
    }

    [Fact]
    public void OrderBlock_AfterItEnded_IsNeverUpdatedAgain()
    {
        var (feed, _) = Setups.BullishOrderBlock(CandleFeed.OrderBlocksOnly);
        var ended = Assert.Single(feed.Push(100m, 100.5m, 98m, 98.5m));

        Assert.Empty(feed.Doji(100m, 100.5m, 99.5m));
        Assert.Empty(feed.Doji(100m, 100.5m, 99.5m));

        Assert.Equal([ended], feed.Detector.AllPatterns);
    }
}
