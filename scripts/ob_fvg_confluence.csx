// OB + FVG confluence: enter only when the close lies inside an active order block that overlaps an active fair
// value gap of the same direction (a stricter variant of the bundled ict.ob-fvg strategy, which also enters on an
// order block alone). Stop beyond the order block, target at 2.5R.
#load "lib/levels.csx"

public sealed class ObFvgConfluence : IStrategy
{
    const decimal RewardToRisk = 2.5m;
    const decimal StopBufferPercent = 0.1m;

    // Looser than the detector's defaults: confluence is rare, so accept smaller bodies and gaps.
    static readonly ObFvgOptions Options = new() { MinBodyRatio = 0.5m, FvgMinGapPercent = 0.05m, ObMaxTouches = 5 };

    readonly Dictionary<Symbol, ObFvgDetector> _detectors = new();

    public void OnCandle(Candle candle, IStrategyContext context)
    {
        if (!_detectors.TryGetValue(candle.Symbol, out var detector))
        {
            detector = new ObFvgDetector(candle.Symbol, candle.Interval, Options);
            _detectors.Add(candle.Symbol, detector);
        }

        foreach (var change in detector.Update(candle))
        {
            context.ReportPattern(change);
        }

        if (context.GetPosition(candle.Symbol) is not null)
        {
            return;
        }

        foreach (var direction in new[] { Direction.Bullish, Direction.Bearish })
        {
            var block = Levels.FirstContaining(detector.ActiveOrderBlocks, direction, candle.Close);
            var gap = block is null ? null : FirstOverlapping(detector.ActiveFairValueGaps, block);
            if (block is null || gap is null)
            {
                continue;
            }

            var isLong = direction == Direction.Bullish;
            var (stop, target) = Levels.For(isLong, candle.Close, block, StopBufferPercent, RewardToRisk);
            context.Signal(new EntrySignal(candle.Symbol, isLong ? PositionSide.Long : PositionSide.Short, candle.Close, stop, target)
            {
                Confidence = 0.8,
                Reason = $"close inside {(isLong ? "bullish" : "bearish")} OB + FVG confluence",
                PatternIds = new[] { block.Id, gap.Id },
            });
            return;
        }
    }

    static Pattern? FirstOverlapping(IReadOnlyList<Pattern> gaps, Pattern block)
    {
        foreach (var gap in gaps)
        {
            if (gap.Direction == block.Direction && gap.Bottom <= block.Top && gap.Top >= block.Bottom)
            {
                return gap;
            }
        }

        return null;
    }
}

new ObFvgConfluence()
