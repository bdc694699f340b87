using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class ObFvgDetectorRealDataTests
{
    private const string FileName = "XRPUSDT-5m-futures.csv";
    private static readonly Symbol Xrp = new("XRPUSDT");
    private static readonly Interval FiveMinutes = Interval.Parse("5m");

    [SkippableFact]
    public void Detector_OverRealXrpCandles_KeepsEveryInvariantAndIsDeterministic()
    {
        var path = SharedCandles.PathOf(FileName);
        Skip.IfNot(path is not null && File.Exists(path), $"shared data not found at {path ?? "../shared/data/candles/" + FileName}");
        var candles = SharedCandles.Read(path!, Xrp, FiveMinutes);
        var options = new ObFvgOptions();

        var (firstRun, detector) = Run(candles, options);
        var (secondRun, _) = Run(candles, options);

        Assert.Equal(firstRun, secondRun);
        var all = detector.AllPatterns;
        Assert.Contains(all, p => p.Kind == PatternKind.OrderBlock);
        Assert.Contains(all, p => p.Kind == PatternKind.FairValueGap);

        var indexByTime = new Dictionary<DateTimeOffset, int>();
        for (var i = 0; i < candles.Count; i++)
        {
            indexByTime.Add(candles[i].OpenTime, i);
        }

        var latest = new Dictionary<string, Pattern>();
        foreach (var pattern in firstRun)
        {
            latest[pattern.Id] = pattern;
        }

        Assert.Equal(latest.Count, all.Count);
        foreach (var pattern in all)
        {
            Assert.Same(latest[pattern.Id], pattern);
            CheckPattern(pattern, candles, indexByTime, options);
        }

        Assert.All(detector.ActiveOrderBlocks, p => Assert.True(p.IsActive && p.Kind == PatternKind.OrderBlock));
        Assert.All(detector.ActiveFairValueGaps, p => Assert.True(p.IsActive && p.Kind == PatternKind.FairValueGap));
    }

    private static void CheckPattern(Pattern pattern, List<Candle> candles, Dictionary<DateTimeOffset, int> indexByTime, ObFvgOptions options)
    {
        var patternIndex = indexByTime[pattern.PatternTime];
        var detectedIndex = indexByTime[pattern.DetectedTime];
        Assert.Equal(patternIndex + 1, detectedIndex);
        Assert.True(detectedIndex >= options.MinCandles - 1);
        Assert.True(pattern.Top >= pattern.Bottom);
        Assert.InRange(pattern.FilledPercent, 0m, 100m);

        if (pattern.Kind == PatternKind.OrderBlock)
        {
            Assert.Equal(candles[patternIndex].High, pattern.Top);
            Assert.Equal(candles[patternIndex].Low, pattern.Bottom);
            Assert.StartsWith("ob:XRPUSDT:5m:", pattern.Id, StringComparison.Ordinal);
            Assert.True(pattern.Touches <= options.ObMaxTouches);
        }
        else
        {
            Assert.True(pattern.Top > pattern.Bottom);
            Assert.StartsWith("fvg:XRPUSDT:5m:", pattern.Id, StringComparison.Ordinal);
        }

        if (pattern.IsActive)
        {
            Assert.Null(pattern.EndedTime);
            Assert.Null(pattern.EndReason);
            return;
        }

        Assert.NotNull(pattern.EndedTime);
        Assert.True(pattern.EndedTime > pattern.DetectedTime);
        Assert.NotNull(pattern.EndReason);
        if (pattern.State == PatternState.Expired)
        {
            var maxAge = pattern.Kind == PatternKind.OrderBlock ? options.ObMaxAgeCandles : options.FvgMaxAgeCandles;
            Assert.Equal("max_age", pattern.EndReason);
            Assert.Equal(maxAge + 1, indexByTime[pattern.EndedTime!.Value] - patternIndex);
        }
        else if (pattern.EndReason == "filled")
        {
            Assert.Equal(100m, pattern.FilledPercent);
        }
        else if (pattern.EndReason == "max_touches")
        {
            Assert.Equal(options.ObMaxTouches, pattern.Touches);
        }
        else
        {
            Assert.Equal("closed_through", pattern.EndReason);
            var close = candles[indexByTime[pattern.EndedTime!.Value]].Close;
            Assert.True(pattern.Direction == Direction.Bullish ? close < pattern.Bottom : close > pattern.Top);
        }
    }

    private static (List<Pattern> Changes, ObFvgDetector Detector) Run(List<Candle> candles, ObFvgOptions options)
    {
        var detector = new ObFvgDetector(Xrp, FiveMinutes, options);
        var changes = new List<Pattern>();
        foreach (var candle in candles)
        {
            changes.AddRange(detector.Update(candle));
        }

        return (changes, detector);
    }
}
