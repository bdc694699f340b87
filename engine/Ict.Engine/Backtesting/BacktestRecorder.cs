using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Backtesting;

/// <summary>
/// Collects what the metrics and the report need while the kernel runs: closed trades with their 1R, the equity at
/// each UTC day's end, a thinned equity curve, and how many candles had a position open. Nothing per candle is
/// allocated: the curve keeps every k-th point, fixed in advance from the candle count.
/// </summary>
public sealed class BacktestRecorder : IEventSink, IPatternObserver
{
    private readonly int _curveStep;
    private DateOnly _day;
    private decimal _lastEquity;
    private long _seen;

    public BacktestRecorder(long expectedCandles, int maxCurvePoints = 2000)
    {
        _curveStep = (int)Math.Max(1, expectedCandles / Math.Max(1, maxCurvePoints));
        Curve.Capacity = (int)Math.Min(expectedCandles / _curveStep + 2, 1_000_000);
    }

    /// <summary>Makes room for this many UTC days of daily equity, so the run does not grow the list as it goes.</summary>
    public void ReserveDays(int days) => DailyEquity.Capacity = Math.Max(DailyEquity.Capacity, days);

    public List<(TradeView Trade, decimal InitialRisk)> Trades { get; } = [];

    public List<(DateOnly Day, decimal Equity)> DailyEquity { get; } = [];

    public List<(DateTimeOffset Time, decimal Equity)> Curve { get; } = [];

    public long CandlesWithExposure { get; private set; }

    /// <summary>
    /// The latest state of every pattern, by strategy and id, in first-seen order; without
    /// <see cref="PatternEnded"/> ended patterns stay here too, with it they are handed over and dropped.
    /// </summary>
    public Dictionary<(string StrategyId, string PatternId), Pattern> Patterns { get; } = [];

    /// <summary>
    /// Receives a pattern (with its strategy id) as soon as it ends, its final state, instead of keeping it until
    /// the run ends: a backtest writes it while the candles are still running instead of holding tens of
    /// thousands of patterns in memory. A pattern reported again after it ended is tracked again.
    /// </summary>
    public Action<string, Pattern>? PatternEnded { get; init; }

    public void Handle(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case PositionClosed closed:
                Trades.Add((closed.Trade, closed.InitialRisk));
                break;
            case OrderBlockDetected e:
                Track(e.StrategyId, e.Pattern);
                break;
            case FvgDetected e:
                Track(e.StrategyId, e.Pattern);
                break;
            case PatternDetected e:
                Track(e.StrategyId, e.Pattern);
                break;
            case PatternUpdated e:
                Track(e.StrategyId, e.Pattern);
                break;
        }
    }

    /// <summary>Tracks a reported pattern (the kernel calls this directly, without an event object).</summary>
    public void OnPattern(string strategyId, Pattern pattern, bool isNew) => Track(strategyId, pattern);

    private void Track(string strategyId, Pattern pattern)
    {
        if (PatternEnded is { } ended && !pattern.IsActive)
        {
            Patterns.Remove((strategyId, pattern.Id));
            ended(strategyId, pattern);
            return;
        }

        Patterns[(strategyId, pattern.Id)] = pattern;
    }

    /// <summary>Called by the backtester after every candle.</summary>
    public void ObserveCandle(DateTimeOffset closeTime, decimal equity, bool exposed)
    {
        var day = DateOnly.FromDateTime(closeTime.UtcDateTime);
        if (_seen > 0 && day != _day)
        {
            DailyEquity.Add((_day, _lastEquity));
        }

        if (_seen % _curveStep == 0)
        {
            Curve.Add((closeTime, equity));
        }

        CandlesWithExposure += exposed ? 1 : 0;
        _day = day;
        _lastEquity = equity;
        _seen++;
    }

    /// <summary>Closes the last day and the curve.</summary>
    public void Finish(DateTimeOffset closeTime, decimal equity)
    {
        if (_seen > 0)
        {
            DailyEquity.Add((_day, equity));
            Curve.Add((closeTime, equity));
        }
    }
}
