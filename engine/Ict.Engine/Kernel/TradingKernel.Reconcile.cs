using System.Globalization;
using Ict.Abstractions;
using Ict.Engine.Live;
using Ict.Engine.State;
using Ict.Engine.Trading;

namespace Ict.Engine.Kernel;

/// <summary>Applies the start-up reconciliation: the account's open positions and orders resume in this run.</summary>
internal sealed partial class TradingKernel
{
    /// <summary>Applies the plan and completes <see cref="ReconcileInput.Done"/> with the report (or the failure).</summary>
    public void OnReconcile(ReconcileInput input)
    {
        try
        {
            input.Done.TrySetResult(Reconcile(input.Plan));
        }
        catch (Exception ex)
        {
            input.Done.TrySetException(ex);
            throw;
        }
    }

    private string Reconcile(ReconcilePlan plan)
    {
        var store = parts.Store;
        store.Begin();
        var now = parts.Clock.GetUtcNow();
        var orders = parts.Orders;
        store.MarkCarried(parts.RunId, plan.Mode, now);

        foreach (var carried in plan.Positions)
        {
            var position = ToPosition(carried, closedBeforeThisRun: false);
            orders.AdoptPosition(position);
            foreach (var role in new[] { OrderRole.StopLoss, OrderRole.TakeProfit })
            {
                var id = ClientOrderIds.For(carried.SignalId, role);
                if (plan.WorkingProtection.FirstOrDefault(o => o.ClientOrderId == id) is { } working)
                {
                    orders.AdoptOrder(working.SignalId, role, ToView(working, OrderStatus.New, now));
                }
                else
                {
                    orders.PlaceProtection(position, role, now);
                }
            }
        }

        foreach (var (entry, quantity, price, fee, time) in plan.FilledEntries)
        {
            orders.AdoptPendingEntry(ToPending(entry), ToView(entry, OrderStatus.New, now), send: false, null, Reconciler.IntentWall(entry));
            orders.ApplyExecution(new VenueExecuted(entry.ClientOrderId, quantity, price, fee, time, FeePaidBeforeThisRun: true));
        }

        foreach (var entry in plan.WorkingEntries)
        {
            orders.AdoptPendingEntry(ToPending(entry), ToView(entry, OrderStatus.New, now), send: false, null, Reconciler.IntentWall(entry));
        }

        foreach (var entry in plan.EntriesToSend)
        {
            // Sent again: an intent until the exchange acknowledges it.
            orders.AdoptPendingEntry(ToPending(entry), ToView(entry, OrderStatus.Intent, now), send: true, parts.Portfolio.LastPrice(new Symbol(entry.Symbol)),
                Reconciler.IntentWall(entry));
        }

        foreach (var (carried, exit, quantity, price, fee, time) in plan.ClosedWhileAway)
        {
            var position = ToPosition(carried, closedBeforeThisRun: true);
            orders.AdoptPosition(position);
            orders.AdoptOrder(exit.SignalId, exit.Role == "stop_loss" ? OrderRole.StopLoss : OrderRole.TakeProfit, ToView(exit, OrderStatus.New, now));
            orders.ApplyExecution(new VenueExecuted(exit.ClientOrderId, quantity, price, fee, time));
        }

        foreach (var (carried, price, time) in plan.ClosedElsewhere)
        {
            orders.SettleClosedElsewhere(ToPosition(carried, closedBeforeThisRun: true), price, time);
        }

        store.Commit();
        return plan.Notes.Count == 0 ? "nothing to reconcile" : string.Join("; ", plan.Notes);
    }

    private static OpenPosition ToPosition(CarriedPosition p, bool closedBeforeThisRun)
    {
        var entry = Dec(p.EntryPrice);
        var quantity = Dec(p.Quantity);
        var stop = p.StopLoss is null ? (decimal?)null : Dec(p.StopLoss);
        return new OpenPosition
        {
            SignalId = p.SignalId,
            StrategyId = p.StrategyId,
            Symbol = new Symbol(p.Symbol),
            Side = Enum.Parse<PositionSide>(p.Side),
            Quantity = quantity,
            EntryPrice = entry,
            EntryFee = Dec(p.EntryFee),
            Leverage = (int)p.Leverage,
            OpenedAt = DateTimeOffset.FromUnixTimeMilliseconds(p.OpenedTime),
            StopLoss = stop,
            TakeProfit = p.TakeProfit is null ? null : Dec(p.TakeProfit),
            InitialRisk = stop is { } s ? Math.Abs(entry - s) * quantity : 0m,
            ClosedBeforeThisRun = closedBeforeThisRun,
        };
    }

    private static PendingEntry ToPending(CarriedOrder o)
    {
        var signal = new EntrySignal(new Symbol(o.Symbol), Enum.Parse<PositionSide>(o.SignalSide!), Dec(o.SignalEntry!), Dec(o.SignalStop!), Dec(o.SignalTarget!))
        {
            Confidence = o.Confidence ?? 0.5,
            Reason = o.Reason ?? string.Empty,
        };
        return new PendingEntry(o.SignalId, o.StrategyId!, signal, (int)(o.Leverage ?? 1));
    }

    private static OrderView ToView(CarriedOrder o, OrderStatus status, DateTimeOffset now) =>
        new(o.ClientOrderId, new Symbol(o.Symbol), Enum.Parse<OrderSide>(o.Side), Enum.Parse<OrderType>(o.Type), Dec(o.Quantity),
            o.TriggerPrice is null ? null : Dec(o.TriggerPrice), o.ReduceOnly != 0, status, DateTimeOffset.FromUnixTimeMilliseconds(o.CreatedTime), now);

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
