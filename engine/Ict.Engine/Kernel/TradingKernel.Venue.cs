using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Kernel;

/// <summary>
/// The live side of the kernel: reports from an asynchronous venue and candles from an exchange stream. Nothing here
/// runs during a replay or a backtest, which keep their synchronous paper venue.
/// </summary>
internal sealed partial class TradingKernel
{
    private readonly Dictionary<(Symbol Symbol, Interval Interval), DateTimeOffset> _lastLiveCandle = [];
    private bool _warmingUp;

    /// <summary>Live candles skipped because their open time was not after the last one handled.</summary>
    public long DuplicateCandles { get; private set; }

    /// <summary>
    /// A candle from the exchange. Each (symbol, interval) must move forward: a candle at or before the last one
    /// handled is dropped (insurance on top of the stream's own cursor). Warm-up candles build history only.
    /// </summary>
    public void OnLiveCandle(LiveCandleInput input)
    {
        var candle = input.Candle;
        var key = (candle.Symbol, candle.Interval);
        if (_lastLiveCandle.TryGetValue(key, out var last) && candle.OpenTime <= last)
        {
            DuplicateCandles++;
            return;
        }

        _lastLiveCandle[key] = candle.OpenTime;
        _warmingUp = input.Warmup;
        try
        {
            OnCandle(candle);
        }
        finally
        {
            _warmingUp = false;
        }
    }

    /// <summary>Applies what the venue reported about one of our orders.</summary>
    public void OnVenue(VenueInput input)
    {
        var store = parts.Store;
        store.Begin();
        parts.Clock.AdvanceTo(input.Time);
        var now = parts.Clock.GetUtcNow();
        var orders = parts.Orders;
        switch (input)
        {
            case VenueAcknowledged acknowledged:
                orders.ApplyAcknowledgement(acknowledged);
                break;
            case VenueExecuted executed:
                orders.ApplyExecution(executed);
                parts.Statistics.ObserveEquity(parts.Portfolio.Equity);
                break;
            case VenueRefused refused:
                if (orders.ApplyRefusal(refused) is { } entry)
                {
                    RejectAfterRefusal(entry, refused, now);
                }
                else
                {
                    Publish(new EngineError(now, "exchange", $"order {refused.ClientOrderId} refused: {refused.Detail}"));
                }

                break;
            case VenueEnded ended:
                orders.ApplyEnded(ended);
                break;
            case VenueFailed failed:
                Publish(new EngineError(now, "exchange",
                    $"order {failed.ClientOrderId}: outcome unknown ({failed.Detail}); it is looked up again until the exchange answers (exchange.unknownOrderRecheck)"));
                break;
        }

        store.Commit();
    }

    private void RejectAfterRefusal(Trading.PendingEntry entry, VenueRefused refused, DateTimeOffset now)
    {
        var reason = refused.Refusal switch
        {
            VenueRefusal.InsufficientMargin => RejectionReason.InsufficientMargin,
            VenueRefusal.MinNotional => RejectionReason.MinNotional,
            _ => RejectionReason.Other,
        };
        var detail = $"the exchange refused the entry: {refused.Detail}";
        parts.Store.RecordSignalDecision(parts.RunId, entry.SignalId, RiskDecision.Reject(reason, detail));
        Publish(new SignalRejected(now, entry.StrategyId, entry.SignalId, entry.Signal, reason, detail));
    }
}
