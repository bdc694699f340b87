// FVG retrace: enter when price trades back into a fresh fair value gap and closes on the gap's side.
// Long: the candle's low dips into an active bullish FVG and the candle closes back above the gap's middle.
// Short: the mirror image for a bearish FVG. Stop beyond the gap, target at 2R.
#load "lib/levels.csx"

public sealed class FvgRetrace : IStrategy
{
    const decimal RewardToRisk = 2m;
    const decimal StopBufferPercent = 0.05m;

    readonly Dictionary<Symbol, ObFvgDetector> _detectors = new();

    public void OnCandle(Candle candle, IStrategyContext context)
    {
        if (!_detectors.TryGetValue(candle.Symbol, out var detector))
        {
            detector = new ObFvgDetector(candle.Symbol, candle.Interval, new ObFvgOptions());
            _detectors.Add(candle.Symbol, detector);
        }

        // Gaps that exist before this candle: the ones it may retrace into.
        var gaps = detector.ActiveFairValueGaps.ToList();
        foreach (var change in detector.Update(candle))
        {
            context.ReportPattern(change);
        }

        if (context.GetPosition(candle.Symbol) is not null)
        {
            return;
        }

        foreach (var gap in gaps)
        {
            var middle = (gap.Top + gap.Bottom) / 2m;
            var isLong = gap.Direction == Direction.Bullish;
            var retraced = isLong
                ? candle.Low <= gap.Top && candle.Low >= gap.Bottom && candle.Close > middle
                : candle.High >= gap.Bottom && candle.High <= gap.Top && candle.Close < middle;
            if (!retraced)
            {
                continue;
            }

            var (stop, target) = Levels.For(isLong, candle.Close, gap, StopBufferPercent, RewardToRisk);
            context.Signal(new EntrySignal(candle.Symbol, isLong ? PositionSide.Long : PositionSide.Short, candle.Close, stop, target)
            {
                Confidence = 0.6,
                Reason = $"retrace into {(isLong ? "bullish" : "bearish")} FVG",
                PatternIds = new[] { gap.Id },
            });
            return;
        }
    }
}

new FvgRetrace()
