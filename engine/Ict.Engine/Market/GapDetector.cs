using Ict.Abstractions;

namespace Ict.Engine.Market;

/// <summary>Notices missing candles per symbol and interval. Gaps are reported, never bridged.</summary>
public sealed class GapDetector
{
    private readonly Dictionary<(Symbol, Interval), DateTimeOffset> _last = [];

    // The series of the previous candle, whose latest open time is kept here (not in the dictionary) until another
    // series comes: one series' candles usually follow each other, and this skips hashing its key every time.
    private (Symbol, Interval) _currentKey;
    private DateTimeOffset? _currentLast;

    /// <summary>Records a candle; returns the gap before it, if candles are missing.</summary>
    public CandleGap? Observe(Candle candle)
    {
        var key = (candle.Symbol, candle.Interval);
        DateTimeOffset? previous;
        if (_currentLast is not null && key.Equals(_currentKey))
        {
            previous = _currentLast;
        }
        else
        {
            if (_currentLast is { } parked)
            {
                _last[_currentKey] = parked;
            }

            previous = _last.TryGetValue(key, out var stored) ? stored : null;
            _currentKey = key;
        }

        CandleGap? gap = null;
        if (previous is { } last)
        {
            var missing = (int)((candle.OpenTime - last).Ticks / candle.Interval.Duration.Ticks) - 1;
            if (missing > 0)
            {
                gap = new CandleGap(candle.Symbol, candle.Interval, last + candle.Interval.Duration, candle.OpenTime, missing);
            }
        }

        _currentLast = candle.OpenTime;
        return gap;
    }
}

/// <summary>Missing candles: the first missing open time, the open time of the next candle present, and how many are missing.</summary>
public sealed record CandleGap(Symbol Symbol, Interval Interval, DateTimeOffset FirstMissing, DateTimeOffset NextPresent, int MissingCandles);
