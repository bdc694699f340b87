using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.State;

namespace Ict.Engine.Trading;

/// <summary>
/// Turns approved signals into orders and fills into positions and trades. Every order is written to the store as
/// an intent, and committed, before the venue sees it. When an entry fills, its stop-loss and take-profit are
/// placed as reduce-only orders; when either fills, the other is cancelled.
/// </summary>
internal sealed partial class OrderManager(
    StateStore store,
    long runId,
    IOrderVenue venue,
    Portfolio portfolio,
    DailyStatsTracker daily,
    IEventPublisher events,
    TimeProvider? wall = null)
{
    private readonly Dictionary<string, TrackedOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<Symbol, PendingEntry> _pendingEntries = [];
    private readonly Dictionary<Symbol, ExitReason> _exitReasons = [];

    /// <summary>Whether the symbol has a position or an entry on its way.</summary>
    public bool HasExposure(Symbol symbol) => portfolio.Get(symbol) is not null || _pendingEntries.ContainsKey(symbol);

    public IEnumerable<OrderView> OpenOrders => _orders.Values.Select(o => o.View).Where(o => o.Status is OrderStatus.New or OrderStatus.Intent);

    public void PlaceEntry(string signalId, string strategyId, EntrySignal signal, decimal quantity, int leverage, DateTimeOffset now, decimal? immediatePrice)
    {
        _pendingEntries[signal.Symbol] = new PendingEntry(signalId, strategyId, signal, leverage);
        var side = signal.Side == PositionSide.Long ? OrderSide.Buy : OrderSide.Sell;
        Place(signalId, OrderRole.Entry, signal.Symbol, side, OrderType.Market, quantity, null, reduceOnly: false, now, immediatePrice);
    }

    /// <summary>Fills the entries waiting for this candle's open.</summary>
    public void OnCandleOpen(Candle candle)
    {
        foreach (var fill in venue.FillAtOpen(candle))
        {
            Apply(fill);
        }
    }

    /// <summary>Checks stops and targets against the candle's range.</summary>
    public void OnCandleRange(Candle candle)
    {
        foreach (var trigger in venue.CheckTriggers(candle))
        {
            if (trigger.Fill is { } fill)
            {
                Apply(fill);
            }
            else if (_orders.ContainsKey(trigger.Order.ClientOrderId))
            {
                SetStatus(trigger.Order.ClientOrderId, OrderStatus.Expired, candle.CloseTime, "nothing left to reduce");
            }

            // else: the stop-loss and take-profit triggered in the same candle; the one that filled closed the
            // position and already canceled this sibling.
        }
    }

    /// <summary>Closes a position at market, for an operator, the kill switch or the end of a replay.</summary>
    public void ClosePosition(Symbol symbol, ExitReason reason, decimal price, DateTimeOffset now)
    {
        if (portfolio.Get(symbol) is not { } position)
        {
            return;
        }

        _exitReasons[symbol] = reason;
        var side = position.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;
        Place(position.SignalId, OrderRole.Exit, symbol, side, OrderType.Market, position.Quantity, null, reduceOnly: true, now, price);
    }

    /// <summary>Cancels entries that never filled (the data ended before the next candle).</summary>
    public void CancelPendingEntries(DateTimeOffset now, string reason)
    {
        foreach (var pending in _pendingEntries.Values.ToList())
        {
            var id = ClientOrderIds.For(pending.SignalId, OrderRole.Entry);
            venue.Cancel(id);
            SetStatus(id, OrderStatus.Canceled, now, reason);
        }

        _pendingEntries.Clear();
    }

    private void Place(string signalId, OrderRole role, Symbol symbol, OrderSide side, OrderType type, decimal quantity, decimal? trigger, bool reduceOnly, DateTimeOffset now, decimal? immediatePrice)
    {
        var id = ClientOrderIds.For(signalId, role);
        var view = new OrderView(id, symbol, side, type, quantity, trigger, reduceOnly, OrderStatus.Intent, now, now);
        _orders[id] = new TrackedOrder(view, signalId, role);
        // An exchange's order also records the wall clock: a restart resends an intent only while it is young.
        store.InsertOrder(runId, signalId, RoleName(role), view, venue.AcknowledgesLater ? wall?.GetUtcNow() : null);
        store.CommitIntent(); // intent before action

        var fill = venue.Submit(new VenueOrder(id, symbol, side, type, quantity, trigger, reduceOnly), immediatePrice, now);
        // An exchange acknowledges later (ApplyAcknowledgement): the order stays Intent until it does.
        var placed = venue.AcknowledgesLater ? view : SetStatus(id, OrderStatus.New, now, null);
        events.Publish(new OrderPlaced(now, placed));
        if (fill is not null)
        {
            Apply(fill);
        }
    }

    private void Apply(VenueFill fill)
    {
        var order = _orders[fill.ClientOrderId];
        var filled = SetStatus(fill.ClientOrderId, OrderStatus.Filled, fill.Time, null);
        var fillView = new FillView(fill.ClientOrderId, filled.Symbol, filled.Side, fill.Quantity, fill.Price, fill.Fee, fill.Time);
        store.InsertFill(runId, fillView);
        events.Publish(new OrderFilled(fill.Time, filled, fillView));

        if (order.Role == OrderRole.Entry)
        {
            OpenPositionFrom(fill, filled.Symbol);
        }
        else
        {
            ClosePositionFrom(fill, filled.Symbol, order.Role);
        }
    }

    private void OpenPositionFrom(VenueFill fill, Symbol symbol)
    {
        var pending = _pendingEntries[symbol];
        _pendingEntries.Remove(symbol);
        var signal = pending.Signal;
        var draft = new PositionView(symbol, signal.Side, fill.Quantity, fill.Price, signal.StopLoss, signal.TakeProfit,
            pending.Leverage, fill.Time, fill.Price, 0m, pending.StrategyId);
        store.InsertPosition(runId, pending.SignalId, draft, fill.Fee);
        var position = new OpenPosition
        {
            SignalId = pending.SignalId,
            StrategyId = pending.StrategyId,
            Symbol = symbol,
            Side = signal.Side,
            Quantity = fill.Quantity,
            EntryPrice = fill.Price,
            EntryFee = fill.Fee,
            Leverage = pending.Leverage,
            OpenedAt = fill.Time,
            StopLoss = signal.StopLoss,
            TakeProfit = signal.TakeProfit,
            InitialRisk = Math.Abs(fill.Price - signal.StopLoss) * fill.Quantity,
        };
        portfolio.Open(position, chargeFee: !fill.FeePaidBeforeThisRun);
        daily.PositionOpened();
        daily.WriteTo(store, runId);
        events.Publish(new PositionOpened(fill.Time, position.ToView(fill.Price)));

        var exitSide = signal.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;
        position.StopLossOrderId = ClientOrderIds.For(pending.SignalId, OrderRole.StopLoss);
        position.TakeProfitOrderId = ClientOrderIds.For(pending.SignalId, OrderRole.TakeProfit);
        Place(pending.SignalId, OrderRole.StopLoss, symbol, exitSide, OrderType.StopMarket, fill.Quantity, signal.StopLoss, true, fill.Time, null);
        Place(pending.SignalId, OrderRole.TakeProfit, symbol, exitSide, OrderType.TakeProfitMarket, fill.Quantity, signal.TakeProfit, true, fill.Time, null);
    }

    private void ClosePositionFrom(VenueFill fill, Symbol symbol, OrderRole role)
    {
        if (portfolio.Get(symbol) is not { } position)
        {
            return;
        }

        var reason = role switch
        {
            OrderRole.StopLoss => ExitReason.StopLoss,
            OrderRole.TakeProfit => ExitReason.TakeProfit,
            _ => _exitReasons.Remove(symbol, out var r) ? r : ExitReason.Manual,
        };
        var trade = position.ClosedBeforeThisRun
            ? portfolio.CloseSettled(position, fill.Price, fill.Fee, fill.Time, reason)
            : portfolio.Close(position, fill.Price, fill.Fee, fill.Time, reason);
        RecordTrade(position, trade, exitEstimated: false);

        foreach (var sibling in new[] { position.StopLossOrderId, position.TakeProfitOrderId })
        {
            if (sibling is not null && sibling != fill.ClientOrderId && _orders.ContainsKey(sibling))
            {
                venue.Cancel(sibling);
                var canceled = SetStatus(sibling, OrderStatus.Canceled, fill.Time, "position closed");
                events.Publish(new OrderCanceled(fill.Time, canceled, "position closed"));
            }
        }

        events.Publish(new PositionClosed(fill.Time, trade) { InitialRisk = position.InitialRisk });
    }

    private void RecordTrade(OpenPosition position, TradeView trade, bool exitEstimated)
    {
        store.InsertTrade(runId, position.SignalId, trade, position.InitialRisk, position.FundingPaid, exitEstimated);
        daily.TradeClosed(trade.NetPnl);
        daily.WriteTo(store, runId);
    }

    private OrderView SetStatus(string clientOrderId, OrderStatus status, DateTimeOffset time, string? reason)
    {
        var tracked = _orders[clientOrderId];
        var view = tracked.View with { Status = status, UpdatedAt = time };
        store.UpdateOrderStatus(runId, clientOrderId, status, time, reason);
        if (status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Rejected)
        {
            _orders.Remove(clientOrderId); // finished orders live on in the store, not in memory
        }
        else
        {
            _orders[clientOrderId] = tracked with { View = view };
        }

        return view;
    }

    private static string RoleName(OrderRole role) => role switch
    {
        OrderRole.Entry => "entry",
        OrderRole.StopLoss => "stop_loss",
        OrderRole.TakeProfit => "take_profit",
        _ => "exit",
    };
}
