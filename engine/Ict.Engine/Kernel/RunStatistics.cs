using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Kernel;

/// <summary>Counts what a run did and follows its equity curve for the drawdown.</summary>
public sealed class RunStatistics : IEventSink, IPatternObserver
{
    private decimal _peak;
    private decimal _lastObserved;
    private bool _observedAny;

    public long Candles { get; private set; }

    public long Gaps { get; private set; }

    public long MissingCandles { get; private set; }

    public long Patterns { get; private set; }

    public long Signals { get; private set; }

    public long Rejected { get; private set; }

    public long Trades { get; private set; }

    public long Wins { get; private set; }

    public decimal NetPnl { get; private set; }

    public decimal Fees { get; private set; }

    public decimal MaxDrawdown { get; private set; }

    public decimal MaxDrawdownPercent { get; private set; }

    public long Errors { get; private set; }

    /// <summary>Counts a candle (the kernel calls this directly, without an event object).</summary>
    public void CountCandle() => Candles++;

    /// <summary>Counts a detected pattern (the kernel calls this directly, without an event object).</summary>
    public void OnPattern(string strategyId, Pattern pattern, bool isNew)
    {
        if (isNew)
        {
            Patterns++;
        }
    }

    public void Handle(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case GapDetected gap:
                Gaps++;
                MissingCandles += gap.Gap.MissingCandles;
                break;
            case OrderBlockDetected or FvgDetected or PatternDetected:
                Patterns++;
                break;
            case EntrySignalRaised:
                Signals++;
                break;
            case SignalRejected:
                Rejected++;
                break;
            case PositionClosed closed:
                Trades++;
                Wins += closed.Trade.NetPnl > 0 ? 1 : 0;
                NetPnl += closed.Trade.NetPnl;
                Fees += closed.Trade.Fees;
                break;
            case EngineError or PluginFaulted:
                Errors++;
                break;
        }
    }

    /// <summary>Follows the equity curve (called after every candle is marked to market).</summary>
    public void ObserveEquity(decimal equity)
    {
        // The same equity again (flat between trades) changes neither the peak nor the drawdowns.
        if (_observedAny && equity == _lastObserved)
        {
            return;
        }

        _observedAny = true;
        _lastObserved = equity;
        _peak = Math.Max(_peak, equity);
        var drawdown = _peak - equity;
        if (drawdown > MaxDrawdown)
        {
            MaxDrawdown = drawdown;
        }

        // Divide only for a new maximum: drawdown / peak × 100 > max ⟺ drawdown × 100 > max × peak (peak > 0).
        if (_peak > 0 && drawdown * 100m > MaxDrawdownPercent * _peak)
        {
            MaxDrawdownPercent = drawdown / _peak * 100m;
        }
    }

    public decimal WinRatePercent => Trades == 0 ? 0m : (decimal)Wins / Trades * 100m;

    public RunSummary ToSummary(long runId, AccountView account, decimal startingBalance, string stopReason) => new(
        runId, Candles, Gaps, MissingCandles, Patterns, Signals, Rejected, Trades, Wins, Math.Round(WinRatePercent, 2),
        Math.Round(NetPnl, 2), Math.Round(Fees, 2), Math.Round(MaxDrawdown, 2), Math.Round(MaxDrawdownPercent, 2),
        startingBalance, Math.Round(account.Balance, 2), Errors, stopReason);
}

/// <summary>What a run did, as printed at its end and stored with it.</summary>
public sealed record RunSummary(
    long RunId,
    long Candles,
    long Gaps,
    long MissingCandles,
    long Patterns,
    long Signals,
    long RejectedSignals,
    long Trades,
    long Wins,
    decimal WinRatePercent,
    decimal NetPnl,
    decimal Fees,
    decimal MaxDrawdown,
    decimal MaxDrawdownPercent,
    decimal StartingBalance,
    decimal FinalBalance,
    long Errors,
    string StopReason);
