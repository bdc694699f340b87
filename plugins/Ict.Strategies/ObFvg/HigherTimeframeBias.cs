using Ict.Abstractions;
using Ict.Indicators.Candles;

namespace Ict.Strategies.ObFvg;

/// <summary>The higher-timeframe direction of one symbol: the last completed close against the one before it.</summary>
internal sealed class HigherTimeframeBias(Interval interval, HigherTimeframeSource source)
{
    private CandleAggregator? _aggregator;
    private decimal? _previousClose;
    private decimal? _lastClose;

    public Interval Interval { get; } = interval;

    /// <summary>Bullish when the last close rose, bearish when it fell, null when flat or not yet known.</summary>
    public Direction? Direction =>
        _previousClose is { } previous && _lastClose is { } last && last != previous
            ? (last > previous ? Abstractions.Direction.Bullish : Abstractions.Direction.Bearish)
            : null;

    /// <summary>Takes a higher-timeframe candle fed by the engine.</summary>
    public void OnHigherCandle(Candle candle)
    {
        if (source == HigherTimeframeSource.Feed)
        {
            Shift(candle.Close);
        }
    }

    /// <summary>Takes a base candle; in aggregate mode it may complete a higher-timeframe candle.</summary>
    public void OnBaseCandle(Candle candle)
    {
        if (source != HigherTimeframeSource.Aggregate)
        {
            return;
        }

        _aggregator ??= new CandleAggregator(candle.Interval, Interval);
        if (_aggregator.Add(candle) is { } completed)
        {
            Shift(completed.Close);
        }
    }

    private void Shift(decimal close)
    {
        _previousClose = _lastClose;
        _lastClose = close;
    }
}
