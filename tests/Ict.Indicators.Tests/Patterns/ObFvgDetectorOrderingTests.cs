using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

/// <summary>
/// One hand-built run with default options where several patterns change on the same candle:
/// candle 19 bearish (100.5 → 99.6, high 101, low 99.5), candle 20 bullish impulse (99.6 → 102.9, high 103,
/// low 99.55) gives OB1 bullish 99.5–101; candle 21 bearish impulse (99 → 95.7, high 99.1, low 95.6) closes OB1
/// through, creates OB2 bearish 99.55–103 and a bearish gap 99.1–99.5 (0.4 / 95.7 ≈ 0.42 %); candle 22 (doji at
/// 99.3, high 99.6, low 99.2) touches OB2 and fills the gap.
/// </summary>
public sealed class ObFvgDetectorOrderingTests
{
    private static readonly string Ob1Id = $"ob:XRPUSDT:5m:{CandleFeed.MsOf(19)}:bullish";
    private static readonly string Ob2Id = $"ob:XRPUSDT:5m:{CandleFeed.MsOf(20)}:bearish";
    private static readonly string GapId = $"fvg:XRPUSDT:5m:{CandleFeed.MsOf(20)}:bearish";

    [Fact]
    public void Update_WhenAPatternEndsAndTwoAreFound_ReturnsTheUpdateFirstThenOrderBlockThenGap()
    {
        var feed = OpenWithOb1(out _);

        var changes = feed.Push(99m, 99.1m, 95.6m, 95.7m);

        Assert.Equal([Ob1Id, Ob2Id, GapId], changes.Select(p => p.Id));
        Assert.Equal(PatternState.Invalidated, changes[0].State);
        Assert.Equal("closed_through", changes[0].EndReason);
        Assert.Equal(0, changes[0].Touches);
        Assert.Equal(103m, changes[1].Top);
        Assert.Equal(99.55m, changes[1].Bottom);
        Assert.Equal(CandleFeed.TimeOf(21), changes[1].DetectedTime);
        Assert.Equal(99.5m, changes[2].Top);
        Assert.Equal(99.1m, changes[2].Bottom);
        Assert.Equal(CandleFeed.TimeOf(20), changes[2].PatternTime);
        Assert.Equal(CandleFeed.TimeOf(21), changes[2].DetectedTime);
    }

    [Fact]
    public void Update_WhenSeveralActivePatternsChange_ReturnsThemInDetectionOrder()
    {
        var feed = OpenWithOb1(out _);
        feed.Push(99m, 99.1m, 95.6m, 95.7m);

        var changes = feed.Doji(99.3m, 99.6m, 99.2m);

        Assert.Equal([Ob2Id, GapId], changes.Select(p => p.Id));
        Assert.Equal(1, changes[0].Touches);
        Assert.True(changes[0].IsActive);

        // (99.6 − 99.1) / (99.5 − 99.1) × 100 = 125, clamped to 100.
        Assert.Equal(1, changes[1].Touches);
        Assert.Equal(100m, changes[1].FilledPercent);
        Assert.Equal("filled", changes[1].EndReason);
    }

    [Fact]
    public void Detector_AfterSeveralChanges_ListsActiveAndAllPatternsInDetectionOrder()
    {
        var feed = OpenWithOb1(out _);
        feed.Push(99m, 99.1m, 95.6m, 95.7m);
        var last = feed.Doji(99.3m, 99.6m, 99.2m);

        Assert.Equal([last[0]], feed.Detector.ActiveOrderBlocks);
        Assert.Empty(feed.Detector.ActiveFairValueGaps);
        Assert.Equal([Ob1Id, Ob2Id, GapId], feed.Detector.AllPatterns.Select(p => p.Id));
        Assert.Equal(PatternState.Invalidated, feed.Detector.AllPatterns[0].State);
        Assert.Same(last[0], feed.Detector.AllPatterns[1]);
        Assert.Same(last[1], feed.Detector.AllPatterns[2]);
    }

    [Fact]
    public void Update_ReturnedRecordsAndLists_AreSnapshotsThatLaterCandlesDoNotChange()
    {
        var feed = OpenWithOb1(out _);
        var detected = feed.Push(99m, 99.1m, 95.6m, 95.7m);
        var activeBefore = feed.Detector.ActiveOrderBlocks;
        var gapsBefore = feed.Detector.ActiveFairValueGaps;
        var allBefore = feed.Detector.AllPatterns;

        feed.Doji(99.3m, 99.6m, 99.2m);

        Assert.Equal(0, detected[1].Touches);
        Assert.True(detected[2].IsActive);
        Assert.Equal(0, Assert.Single(activeBefore).Touches);
        Assert.Single(gapsBefore);
        Assert.Equal(3, allBefore.Count);
        Assert.True(allBefore[2].IsActive);
    }

    [Fact]
    public void FindActive_AfterCandle21_FindsOnlyActivePatternsOfTheKindAndDirectionContainingThePrice()
    {
        var feed = OpenWithOb1(out _);
        var detected = feed.Push(99m, 99.1m, 95.6m, 95.7m);
        var detector = feed.Detector;

        Assert.Same(detected[1], detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 100m));
        Assert.Same(detected[1], detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 99.55m)); // bottom edge
        Assert.Same(detected[1], detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 103m)); // top edge
        Assert.Null(detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 99.54m));
        Assert.Null(detector.FindActive(PatternKind.OrderBlock, Direction.Bullish, 100m)); // OB1 was closed through
        Assert.Same(detected[2], detector.FindActive(PatternKind.FairValueGap, Direction.Bearish, 99.3m));
        Assert.Null(detector.FindActive(PatternKind.FairValueGap, Direction.Bullish, 99.3m));
        Assert.Null(detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 99.3m)); // only the gap holds 99.3
    }

    [Fact]
    public void FindActive_AfterATouchAndAFill_ReturnsTheLatestSnapshotAndNothingForTheFilledGap()
    {
        var feed = OpenWithOb1(out _);
        feed.Push(99m, 99.1m, 95.6m, 95.7m);

        var last = feed.Doji(99.3m, 99.6m, 99.2m);

        var block = feed.Detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 100m);
        Assert.Same(last[0], block);
        Assert.Equal(1, block!.Touches);
        Assert.Null(feed.Detector.FindActive(PatternKind.FairValueGap, Direction.Bearish, 99.3m));
    }

    [Fact]
    public void UpdateIntoList_AddsTheSameChangesInTheSameOrder_AfterWhatTheListHeld()
    {
        var feed = OpenWithOb1(out var ob1);
        var changes = new List<Pattern> { ob1 };

        var added = feed.Detector.Update(CandleFeed.Make(21, 99m, 99.1m, 95.6m, 95.7m), changes);

        Assert.Equal(3, added);
        Assert.Equal([Ob1Id, Ob1Id, Ob2Id, GapId], changes.Select(p => p.Id));
        Assert.Equal(PatternState.Invalidated, changes[1].State);
        Assert.Same(changes[2], feed.Detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, 100m));
    }

    [Fact]
    public void Update_WhenNothingChanges_ReturnsTheSameEmptyList()
    {
        var feed = new CandleFeed();
        feed.Filler(20);

        var first = feed.Doji(100m, 101m, 99m);
        var second = feed.Doji(100m, 101m, 99m);

        Assert.Empty(first);
        Assert.Same(first, second);
    }

    private static CandleFeed OpenWithOb1(out Pattern ob1)
    {
        var feed = new CandleFeed();
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99.5m, 99.6m);
        ob1 = Assert.Single(feed.Push(99.6m, 103m, 99.55m, 102.9m));
        Assert.Equal(Ob1Id, ob1.Id);
        Assert.Equal(101m, ob1.Top);
        Assert.Equal(99.5m, ob1.Bottom);
        return feed;
    }
}
