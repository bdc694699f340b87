using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

/// <summary>
/// Lifecycle of the gaps from <see cref="Setups"/>: bullish 101–102 or bearish 98–99, middle candle 19, detected on
/// candle 20. Order blocks are switched off so each step returns only the gap.
/// </summary>
public sealed class FairValueGapLifecycleTests
{
    [Fact]
    public void FairValueGap_AsPriceFillsItFromAbove_TracksTheDeepestFillUntilFilled()
    {
        var (feed, _) = Setups.BullishGap(CandleFeed.FairValueGapsOnly);

        // Low 102.5 is above the top (102): no touch, no fill.
        Assert.Empty(feed.Doji(103m, 103.5m, 102.5m));

        // (102 − 101.75) / (102 − 101) × 100 = 25.
        var quarter = Assert.Single(feed.Doji(102.5m, 103m, 101.75m));
        Assert.Equal(1, quarter.Touches);
        Assert.Equal(25m, quarter.FilledPercent);

        // A shallower low (fill 10) keeps 25; the touch still changes the record.
        var shallower = Assert.Single(feed.Doji(102.5m, 103m, 101.9m));
        Assert.Equal(2, shallower.Touches);
        Assert.Equal(25m, shallower.FilledPercent);

        // (102 − 101.4) × 100 = 60; three touches never end a gap.
        var deeper = Assert.Single(feed.Doji(102m, 102.5m, 101.4m));
        Assert.Equal(3, deeper.Touches);
        Assert.Equal(60m, deeper.FilledPercent);
        Assert.True(deeper.IsActive);

        // Low reaches the bottom (101): 100 %.
        var filled = Assert.Single(feed.Doji(101.5m, 102m, 101m));
        Assert.Equal(4, filled.Touches);
        Assert.Equal(100m, filled.FilledPercent);
        Assert.Equal(PatternState.Invalidated, filled.State);
        Assert.Equal("filled", filled.EndReason);
        Assert.Equal(CandleFeed.TimeOf(25), filled.EndedTime);
        Assert.Empty(feed.Detector.ActiveFairValueGaps);
        Assert.Equal([filled], feed.Detector.AllPatterns);
    }

    [Fact]
    public void FairValueGap_WhenCandleLowEqualsTheTop_CountsATouchWithoutFilling()
    {
        var (feed, _) = Setups.BullishGap(CandleFeed.FairValueGapsOnly);

        var touched = Assert.Single(feed.Doji(102.5m, 103m, 102m));

        Assert.Equal(1, touched.Touches);
        Assert.Equal(0m, touched.FilledPercent);
        Assert.True(touched.IsActive);
    }

    [Fact]
    public void FairValueGap_WhenPriceTradesBeyondItsBottom_IsFilledAtExactly100()
    {
        var (feed, _) = Setups.BullishGap(CandleFeed.FairValueGapsOnly);

        // (102 − 100) / 1 × 100 = 200, clamped to 100.
        var filled = Assert.Single(feed.Doji(101m, 101.5m, 100m));

        Assert.Equal(100m, filled.FilledPercent);
        Assert.Equal(1, filled.Touches);
        Assert.Equal("filled", filled.EndReason);
        Assert.Equal(CandleFeed.TimeOf(21), filled.EndedTime);
    }

    [Fact]
    public void FairValueGap_WhenBearishGapIsFilledFromBelow_TracksTheHighestHigh()
    {
        var (feed, _) = Setups.BearishGap(CandleFeed.FairValueGapsOnly);

        // (98.5 − 98) / (99 − 98) × 100 = 50.
        var half = Assert.Single(feed.Doji(97m, 98.5m, 96.5m));
        Assert.Equal(50m, half.FilledPercent);
        Assert.Equal(1, half.Touches);

        var filled = Assert.Single(feed.Doji(98m, 99m, 97.5m));
        Assert.Equal(100m, filled.FilledPercent);
        Assert.Equal(2, filled.Touches);
        Assert.Equal(PatternState.Invalidated, filled.State);
        Assert.Equal("filled", filled.EndReason);
        Assert.Equal(CandleFeed.TimeOf(22), filled.EndedTime);
    }

    [Fact]
    public void FairValueGap_OnItsDetectionCandle_IsNotTouchedByIt()
    {
        // The third candle's low is the gap's top, which overlaps the zone edge.
        var (feed, detected) = Setups.BullishGap(CandleFeed.FairValueGapsOnly);

        var gap = Assert.Single(detected);
        Assert.Equal(0, gap.Touches);
        Assert.Equal(0m, gap.FilledPercent);
        Assert.Equal([gap], feed.Detector.ActiveFairValueGaps);
    }

    [Fact]
    public void FairValueGap_AtExactlyMaxAge_IsStillUpdated()
    {
        var feed = AgeThreeGapAfterTwoCandles(out var atMaxAge);

        var touched = Assert.Single(atMaxAge);
        Assert.Equal(1, touched.Touches);
        Assert.Equal(25m, touched.FilledPercent);
        Assert.True(touched.IsActive);
        Assert.Single(feed.Detector.ActiveFairValueGaps);
    }

    [Fact]
    public void FairValueGap_OneCandleOverMaxAge_ExpiresWithoutCountingThatCandle()
    {
        var feed = AgeThreeGapAfterTwoCandles(out _);

        // Candle 23 − middle candle 19 = age 4 > 3. Its low of 100 would fill the gap completely.
        var expired = Assert.Single(feed.Push(102.8m, 103m, 100m, 100.5m));

        Assert.Equal(PatternState.Expired, expired.State);
        Assert.Equal("max_age", expired.EndReason);
        Assert.Equal(CandleFeed.TimeOf(23), expired.EndedTime);
        Assert.Equal(25m, expired.FilledPercent);
        Assert.Equal(1, expired.Touches);
        Assert.Empty(feed.Detector.ActiveFairValueGaps);
    }

    /// <summary>Bullish gap with a maximum age of 3; candle 21 misses it, candle 22 (age 3) fills 25 %.</summary>
    private static CandleFeed AgeThreeGapAfterTwoCandles(out IReadOnlyList<Pattern> atMaxAge)
    {
        var (feed, _) = Setups.BullishGap(CandleFeed.FairValueGapsOnly with { FvgMaxAgeCandles = 3 });
        Assert.Empty(feed.Doji(103m, 103.5m, 102.5m));
        atMaxAge = feed.Doji(102.5m, 103m, 101.75m);
        return feed;
    }
}
