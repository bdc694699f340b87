using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Status;

namespace Ict.Engine.Kernel;

/// <summary>The operator's side of the kernel: snapshots for the status views, pause and resume, closing a position.</summary>
internal sealed partial class TradingKernel
{
    private static readonly ActivityRecorder NoActivity = new(capacity: 1);

    /// <summary>Recent signals, patterns and errors for snapshots; the host adds it to the sinks as well.</summary>
    public ActivityRecorder Activity { get; init; } = NoActivity;

    /// <summary>The risk manager's daily trade limit, when its settings name one.</summary>
    public int? TradesPerDayLimit { get; init; }

    /// <summary>Copies the kernel's state into an immutable snapshot. Call on the kernel thread only.</summary>
    public TradingSnapshot TakeSnapshot()
    {
        var portfolio = parts.Portfolio;
        var equity = portfolio.Equity;
        var today = parts.Daily.Today;
        var statistics = parts.Statistics;
        var activity = Activity;
        var counters = new RunCounters(
            statistics.Candles, statistics.Patterns, statistics.Signals, statistics.Rejected,
            activity.OrdersPlaced, activity.OrdersFilled, activity.OrdersCanceled, activity.OrdersRejected,
            statistics.Trades, activity.PluginFaults, statistics.Errors, activity.RejectionsByReason);
        return new TradingSnapshot(
            _lastCandles.Count == 0 ? null : parts.Clock.GetUtcNow(),
            portfolio.Asset,
            portfolio.Balance,
            equity,
            today.Day == DateOnly.MinValue ? 0m : equity - today.StartEquity,
            today.TradesOpened,
            TradesPerDayLimit,
            KillSwitch.Engaged,
            KillSwitch.Engaged ? KillSwitch.Source : null,
            TradingPaused,
            portfolio.PositionViews(),
            [.. parts.Orders.OpenOrders.OrderBy(o => o.Symbol.Value, StringComparer.Ordinal).ThenBy(o => o.CreatedAt)],
            activity.Signals,
            activity.Patterns,
            counters,
            activity.LastError)
        {
            EventLag = LastEventLag,
            MaxEventLag = MaxEventLag,
        };
    }

    public void OnPause(PauseInput input)
    {
        if (TradingPaused == input.Paused)
        {
            return;
        }

        parts.Store.Begin();
        TradingPaused = input.Paused;
        Publish(new TradingPauseChanged(parts.Clock.GetUtcNow(), input.Paused, input.Source));
        parts.Store.Commit();
    }

    /// <summary>Closes one position at the last price seen; a symbol with no position is reported, not an error.</summary>
    public void OnClosePosition(ClosePositionInput input)
    {
        var store = parts.Store;
        var now = parts.Clock.GetUtcNow();
        store.Begin();
        if (parts.Portfolio.Get(input.Symbol) is not { } position)
        {
            Publish(new EngineError(now, input.Source, $"no open position on {input.Symbol} to close"));
            store.Commit();
            return;
        }

        var price = parts.Portfolio.LastPrice(position.Symbol) ?? position.EntryPrice;
        parts.Orders.ClosePosition(position.Symbol, ExitReason.Manual, price, now);
        parts.Statistics.ObserveEquity(parts.Portfolio.Equity);
        store.Commit();
    }
}
