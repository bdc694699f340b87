using Ict.Abstractions;

namespace Ict.Indicators.Candles;

/// <summary>
/// Builds higher-timeframe candles from closed base candles of one symbol, causally: a higher-timeframe candle is
/// returned by the call that adds the last base candle of its window, never earlier. Windows are aligned to the Unix
/// epoch (so 1h windows start on the hour and 4h windows at 00:00, 04:00, … UTC). A window with a missing base candle
/// is incomplete and is dropped rather than bridged; <see cref="DroppedWindows"/> counts them.
/// </summary>
public sealed class CandleAggregator
{
    private readonly long _baseTicks;
    private readonly long _targetTicks;
    private readonly int _perWindow;
    private long _windowStart = long.MinValue;
    private int _count;
    private bool _inWindow;
    private bool _broken;
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _close;
    private decimal _volume;
    private Symbol _symbol;

    /// <summary>Creates an aggregator from one interval to a longer one.</summary>
    /// <param name="baseInterval">The interval of the candles that will be added.</param>
    /// <param name="target">The interval to build; a whole multiple of <paramref name="baseInterval"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not a longer whole multiple of the base interval.</exception>
    public CandleAggregator(Interval baseInterval, Interval target)
    {
        _baseTicks = baseInterval.Duration.Ticks;
        _targetTicks = target.Duration.Ticks;
        if (_targetTicks <= _baseTicks || _targetTicks % _baseTicks != 0)
        {
            throw new ArgumentException($"cannot build {target} candles from {baseInterval} candles: {target} must be a longer whole multiple of {baseInterval}", nameof(target));
        }

        BaseInterval = baseInterval;
        Target = target;
        _perWindow = (int)(_targetTicks / _baseTicks);
    }

    /// <summary>The interval of the candles added.</summary>
    public Interval BaseInterval { get; }

    /// <summary>The interval built.</summary>
    public Interval Target { get; }

    /// <summary>Windows dropped because a base candle was missing.</summary>
    public int DroppedWindows { get; private set; }

    /// <summary>Adds a closed base candle; returns the higher-timeframe candle it completes, if any.</summary>
    /// <param name="candle">A candle of <see cref="BaseInterval"/>, later than the previous one.</param>
    /// <returns>The completed candle, or <c>null</c>.</returns>
    /// <exception cref="ArgumentException">The candle has another interval.</exception>
    public Candle? Add(Candle candle)
    {
        if (candle.Interval != BaseInterval)
        {
            throw new ArgumentException($"expected {BaseInterval} candles, got {candle.Interval}", nameof(candle));
        }

        var ticks = candle.OpenTime.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var windowStart = ticks - (((ticks % _targetTicks) + _targetTicks) % _targetTicks);
        if (windowStart != _windowStart)
        {
            if (_inWindow)
            {
                DroppedWindows++; // the previous window never completed
            }

            _windowStart = windowStart;
            _inWindow = true;
            _broken = false;
            _count = 0;
            _symbol = candle.Symbol;
            _open = candle.Open;
            _high = candle.High;
            _low = candle.Low;
            _volume = 0m;
        }

        if (_broken || ticks - windowStart != _count * _baseTicks)
        {
            _broken = true; // a base candle inside this window is missing: it can never complete
            return null;
        }

        _count++;
        _high = Math.Max(_high, candle.High);
        _low = Math.Min(_low, candle.Low);
        _close = candle.Close;
        _volume += candle.Volume;
        if (_count < _perWindow)
        {
            return null;
        }

        _inWindow = false;
        _windowStart = long.MinValue;
        return new Candle(_symbol, Target, DateTimeOffset.UnixEpoch.AddTicks(windowStart), _open, _high, _low, _close, _volume);
    }
}
