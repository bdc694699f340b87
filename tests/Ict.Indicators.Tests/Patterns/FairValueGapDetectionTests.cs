using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class FairValueGapDetectionTests
{
    [Fact]
    public void FairValueGap_WhenFirstHighIsBelowThirdLow_IsDetectedAsBullish()
    {
        var (feed, detected) = Setups.BullishGap();

        var gap = Assert.Single(detected);
        Assert.Equal("fvg:XRPUSDT:5m:1704072600000:bullish", gap.Id);
        Assert.Equal(PatternKind.FairValueGap, gap.Kind);
        Assert.Equal(Direction.Bullish, gap.Direction);
        Assert.Equal(CandleFeed.Symbol, gap.Symbol);
        Assert.Equal(CandleFeed.Interval, gap.Interval);
        Assert.Equal(102m, gap.Top);
        Assert.Equal(101m, gap.Bottom);
        Assert.Equal(CandleFeed.TimeOf(19), gap.PatternTime);
        Assert.Equal(CandleFeed.TimeOf(20), gap.DetectedTime);
        Assert.Equal(0, gap.Touches);
        Assert.Equal(0m, gap.FilledPercent);
        Assert.Equal(PatternState.Active, gap.State);
        Assert.Null(gap.EndedTime);
        Assert.Null(gap.EndReason);
        Assert.Equal([gap], feed.Detector.ActiveFairValueGaps);
        Assert.Empty(feed.Detector.ActiveOrderBlocks);
    }

    [Fact]
    public void FairValueGap_WhenFirstLowIsAboveThirdHigh_IsDetectedAsBearish()
    {
        var (feed, detected) = Setups.BearishGap();

        var gap = Assert.Single(detected);
        Assert.Equal("fvg:XRPUSDT:5m:1704072600000:bearish", gap.Id);
        Assert.Equal(Direction.Bearish, gap.Direction);
        Assert.Equal(99m, gap.Top);
        Assert.Equal(98m, gap.Bottom);
        Assert.Equal(CandleFeed.TimeOf(19), gap.PatternTime);
        Assert.Equal(CandleFeed.TimeOf(20), gap.DetectedTime);
        Assert.Equal([gap], feed.Detector.ActiveFairValueGaps);
    }

    [Fact]
    public void FairValueGap_WhenGapIsExactlyTheMinimumPercent_IsKept()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 102m, 100.4m, 101.8m);

        // Gap 101.102 − 101 = 0.102, close 102: 0.102 / 102 × 100 = 0.1 exactly.
        var gap = Assert.Single(feed.Push(101.5m, 102.5m, 101.102m, 102m));

        Assert.Equal(101.102m, gap.Top);
        Assert.Equal(101m, gap.Bottom);
    }

    [Fact]
    public void FairValueGap_WhenGapIsJustBelowTheMinimumPercent_IsDropped()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 102m, 100.4m, 101.8m);

        // Gap 0.10199, close 102: 0.0999902 %.
        Assert.Empty(feed.Push(101.5m, 102.5m, 101.10199m, 102m));
    }

    [Fact]
    public void FairValueGap_WhenBearishGapIsExactlyTheMinimumPercent_IsKept()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(99.5m, 99.6m, 98.2m, 98.4m);

        // Gap 99 − 98.902 = 0.098, close 98: 0.1 % exactly.
        var gap = Assert.Single(feed.Push(98.5m, 98.902m, 97.9m, 98m));

        Assert.Equal(Direction.Bearish, gap.Direction);
        Assert.Equal(99m, gap.Top);
        Assert.Equal(98.902m, gap.Bottom);
    }

    [Fact]
    public void FairValueGap_WhenFirstHighEqualsThirdLow_IsNotDetected()
    {
        var feed = new CandleFeed(new ObFvgOptions { FvgMinGapPercent = 0m });
        feed.Filler(18);
        feed.Push(100.5m, 102m, 100.4m, 101.8m);

        Assert.Empty(feed.Push(101.5m, 102.5m, 101m, 102m));
    }

    [Fact]
    public void FairValueGap_WhenFirstLowEqualsThirdHigh_IsNotDetected()
    {
        var feed = new CandleFeed(new ObFvgOptions { FvgMinGapPercent = 0m });
        feed.Filler(18);
        feed.Push(99.5m, 99.6m, 98.2m, 98.4m);

        Assert.Empty(feed.Push(98.5m, 99m, 97.9m, 98m));
    }

    [Fact]
    public void FairValueGap_WithZeroMinimum_KeepsATinyGap()
    {
        var feed = new CandleFeed(new ObFvgOptions { FvgMinGapPercent = 0m });
        feed.Filler(18);
        feed.Push(100.5m, 102m, 100.4m, 101.8m);

        var gap = Assert.Single(feed.Push(101.5m, 102.5m, 101.00000001m, 102m));

        Assert.Equal(101.00000001m, gap.Top);
    }

    [Fact]
    public void FairValueGap_WhenOnlyOlderCandlesLeaveAGap_IsNotDetected()
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        Assert.Empty(feed.Doji(102m, 102.5m, 100.8m));
        Assert.Empty(feed.Doji(102.5m, 103m, 100.9m));

        // Candle 18 (high 101) lies below candle 21's low (102.4), but c1 is candle 19 (high 102.5 > 102.4).
        Assert.Empty(feed.Doji(103m, 104m, 102.4m));
    }
}
