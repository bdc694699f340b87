using Ict.Abstractions;

namespace Ict.Engine.Market;

/// <summary>Notices missing candles per symbol and interval. Gaps are reported, never bridged.</summary>
public sealed class GapDetector
{
    private readonly Dictionary<(Symbol, Interval), DateTimeOffset> _last = [];

    /// <summary>Records a candle; returns the gap before it, if candles are missing.</summary>
    public CandleGap? Observe(Candle candle)
    {
        var key = (candle.Symbol, candle.Interval);
        CandleGap? gap = null;
        if (_last.TryGetValue(key, out var last))
        {
            var missing = (int)((candle.OpenTime - last).Ticks / candle.Interval.Duration.Ticks) - 1;
            if (missing > 0)
            {
                gap = new CandleGap(candle.Symbol, candle.Interval, last + candle.Interval.Duration, candle.OpenTime, missing);
            }
        }

        _last[key] = candle.OpenTime;
        return gap;
    }
}

/// <summary>Missing candles: the first missing open time, the open time of the next candle present, and how many are missing.</summary>
public sealed record CandleGap(Symbol Symbol, Interval Interval, DateTimeOffset FirstMissing, DateTimeOffset NextPresent, int MissingCandles);
