using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Kernel;

namespace Ict.Engine.Trading;

/// <summary>
/// The order manager's side of an asynchronous venue: acknowledgements, executions and refusals arrive later, as kernel
/// inputs, and are applied here. Anything about an order no longer tracked (already filled, a duplicate report) is
/// ignored, so a report that arrives twice (stream and REST) changes nothing the second time.
/// </summary>
internal sealed partial class OrderManager
{
    /// <summary>The order, while it is working (null once finished or when unknown).</summary>
    public TrackedOrder? Tracked(string clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    /// <summary>The approved signal behind a working entry.</summary>
    public PendingEntry? PendingEntryFor(Symbol symbol) => _pendingEntries.GetValueOrDefault(symbol);

    /// <summary>
    /// Records the exchange's acknowledgement (its order id and the time) and moves a working order from Intent to
    /// New. An order that already finished (its fill came first) keeps its final status; the id is recorded either way.
    /// </summary>
    public void ApplyAcknowledgement(VenueAcknowledged acknowledged)
    {
        store.RecordAcknowledgement(runId, acknowledged.ClientOrderId, acknowledged.ExchangeOrderId, acknowledged.Time);
        if (_orders.TryGetValue(acknowledged.ClientOrderId, out var tracked))
        {
            var view = tracked.View.Status == OrderStatus.Intent ? SetStatus(acknowledged.ClientOrderId, OrderStatus.New, acknowledged.Time, null) : tracked.View;
            events.Publish(new OrderAcknowledged(acknowledged.Time, view, acknowledged.ExchangeOrderId));
        }
    }

    /// <summary>Applies a complete execution; false when the order is not working (a duplicate or late report).</summary>
    public bool ApplyExecution(VenueExecuted executed)
    {
        if (!_orders.ContainsKey(executed.ClientOrderId))
        {
            return false;
        }

        Apply(new VenueFill(executed.ClientOrderId, executed.Quantity, executed.AveragePrice, executed.Fee, executed.Time, executed.FeePaidBeforeThisRun));
        return true;
    }

    /// <summary>
    /// Applies a refusal. A refused entry frees its symbol and is returned so the kernel can reject its signal. A
    /// position whose stop-loss cannot be placed is flattened at market: no position stays open without its stop on
    /// the exchange. A take-profit refused because the price is already past it closes the position too.
    /// </summary>
    public PendingEntry? ApplyRefusal(VenueRefused refused)
    {
        if (!_orders.TryGetValue(refused.ClientOrderId, out var tracked))
        {
            return null;
        }

        var view = SetStatus(refused.ClientOrderId, OrderStatus.Rejected, refused.Time, refused.Detail);
        events.Publish(new OrderRejected(refused.Time, view, refused.Detail));
        switch (tracked.Role)
        {
            case OrderRole.Entry:
                return _pendingEntries.Remove(view.Symbol, out var pending) ? pending : null;
            case OrderRole.StopLoss:
                Flatten(view.Symbol, ExitReason.StopLoss, refused.Time);
                break;
            case OrderRole.TakeProfit when refused.Refusal == VenueRefusal.WouldImmediatelyTrigger:
                Flatten(view.Symbol, ExitReason.TakeProfit, refused.Time);
                break;
        }

        return null;
    }

    /// <summary>A working order the venue ended by itself (expired, cancelled); a lost stop-loss flattens the position.</summary>
    public void ApplyEnded(VenueEnded ended)
    {
        if (!_orders.TryGetValue(ended.ClientOrderId, out var tracked))
        {
            return;
        }

        var view = SetStatus(ended.ClientOrderId, ended.Status, ended.Time, ended.Detail);
        events.Publish(new OrderCanceled(ended.Time, view, ended.Detail));
        if (tracked.Role == OrderRole.StopLoss)
        {
            Flatten(view.Symbol, ExitReason.StopLoss, ended.Time);
        }
        else if (tracked.Role == OrderRole.Entry)
        {
            _pendingEntries.Remove(view.Symbol);
        }
    }

    /// <summary>Closes the position at market unless an exit is already on its way.</summary>
    public void Flatten(Symbol symbol, ExitReason reason, DateTimeOffset now)
    {
        if (portfolio.Get(symbol) is not { } position || _orders.ContainsKey(ClientOrderIds.For(position.SignalId, OrderRole.Exit)))
        {
            return;
        }

        ClosePosition(symbol, reason, portfolio.LastPrice(symbol) ?? position.EntryPrice, now);
    }

    /// <summary>
    /// Re-tracks a position carried over from an earlier run (start-up reconciliation). Its entry fee stays on the
    /// position (the trade's fees include it) but is not charged again: the earlier run paid it.
    /// </summary>
    public void AdoptPosition(OpenPosition position)
    {
        store.InsertPosition(runId, position.SignalId, position.ToView(position.EntryPrice), position.EntryFee);
        portfolio.Adopt(position);
        position.StopLossOrderId = ClientOrderIds.For(position.SignalId, OrderRole.StopLoss);
        position.TakeProfitOrderId = ClientOrderIds.For(position.SignalId, OrderRole.TakeProfit);
    }

    /// <summary>
    /// Re-tracks an order that is working on the exchange (start-up reconciliation), keeping the wall-clock time its
    /// intent was first handed over, so an intent sent again and lost again does not look young at the next start.
    /// </summary>
    public void AdoptOrder(string signalId, OrderRole role, OrderView view, DateTimeOffset? intentWall = null)
    {
        _orders[view.ClientOrderId] = new TrackedOrder(view, signalId, role);
        store.InsertOrder(runId, signalId, RoleName(role), view, intentWall);
    }

    /// <summary>
    /// Records the trade of a carried position that is gone from the exchange although none of our orders closed it
    /// (closed by hand or liquidated while the engine was down). Its real fill is unknown, so the trade is recorded at
    /// an estimated exit (<paramref name="price"/> at <paramref name="time"/>, from the exchange's market data), flagged
    /// <c>exit_estimated</c>, with no exit fee; reason <see cref="ExitReason.Manual"/>. No order or fill is invented,
    /// and the balance does not move: it is the exchange wallet, which already holds the real result.
    /// </summary>
    public void SettleClosedElsewhere(OpenPosition position, decimal price, DateTimeOffset time)
    {
        AdoptPosition(position);
        var trade = portfolio.CloseSettled(position, price, 0m, time, ExitReason.Manual);
        RecordTrade(position, trade, exitEstimated: true);
        events.Publish(new PositionClosed(time, trade) { InitialRisk = position.InitialRisk });
    }

    /// <summary>Re-tracks an approved entry whose order is on its way or must be sent again.</summary>
    public void AdoptPendingEntry(PendingEntry pending, OrderView entry, bool send, decimal? referencePrice, DateTimeOffset? intentWall = null)
    {
        _pendingEntries[entry.Symbol] = pending;
        AdoptOrder(pending.SignalId, OrderRole.Entry, entry, intentWall);
        if (send)
        {
            store.CommitIntent();
            venue.Submit(new VenueOrder(entry.ClientOrderId, entry.Symbol, entry.Side, entry.Type, entry.Quantity, entry.TriggerPrice, entry.ReduceOnly), referencePrice, entry.UpdatedAt);
        }
    }

    /// <summary>Places a missing stop-loss or take-profit for an adopted position.</summary>
    public void PlaceProtection(OpenPosition position, OrderRole role, DateTimeOffset now)
    {
        var exitSide = position.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;
        var (type, trigger) = role == OrderRole.StopLoss ? (OrderType.StopMarket, position.StopLoss) : (OrderType.TakeProfitMarket, position.TakeProfit);
        if (trigger is { } price)
        {
            Place(position.SignalId, role, position.Symbol, exitSide, type, position.Quantity, price, true, now, null);
        }
    }
}
