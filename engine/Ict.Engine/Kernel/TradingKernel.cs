using System.Globalization;
using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Market;
using Ict.Engine.State;
using Ict.Engine.Trading;

namespace Ict.Engine.Kernel;

/// <summary>
/// The one deterministic kernel. It owns all engine state and handles one input at a time, on one thread; everything
/// else talks to it through <see cref="EngineLoop"/>'s channel. For each closed candle: store it, note gaps, roll the
/// UTC day, fill entries at the open, check stops and targets, mark to market, publish CandleClosed, run the
/// strategies, and take each signal through the engine's checks, the risk manager and the order manager. The
/// store's transaction is committed at the end of every input.
/// </summary>
internal sealed partial class TradingKernel(
    KernelParts parts,
    IReadOnlyList<StrategySlot> strategies,
    RiskSlot risk,
    IReadOnlyList<IEventSink> sinks) : IEventPublisher
{
    private readonly StrategyContext _context = new(symbol => parts.Portfolio.Get(symbol)?.ToView(parts.Portfolio.Mark(symbol, 0m)));
    private readonly Dictionary<Symbol, Candle> _lastCandles = [];
    private readonly GapDetector _gaps = new();
    private DateTimeOffset? _firstCandle;

    public long EventCount { get; private set; }

    public bool TradingPaused { get; set; }

    public void Publish(EngineEvent engineEvent)
    {
        EventCount++;
        foreach (var sink in sinks)
        {
            sink.Handle(engineEvent);
        }
    }

    public void OnCandle(Candle candle)
    {
        var store = parts.Store;
        store.Begin();
        parts.Clock.AdvanceTo(candle.OpenTime);
        _firstCandle ??= candle.OpenTime;

        if (parts.Daily.Roll(candle.OpenTime, parts.Portfolio.Equity) is { } finished)
        {
            store.UpsertDailyStats(parts.RunId, finished);
        }

        store.UpsertDailyStats(parts.RunId, parts.Daily.Today);
        store.InsertCandle(candle);
        if (_gaps.Observe(candle) is { } gap)
        {
            Publish(new GapDetected(candle.OpenTime, gap));
        }

        parts.Orders.OnCandleOpen(candle);
        parts.Clock.AdvanceTo(candle.CloseTime);
        var now = parts.Clock.GetUtcNow();
        parts.Orders.OnCandleRange(candle);
        parts.Portfolio.MarkToMarket(candle.Symbol, candle.Close);
        parts.Statistics.ObserveEquity(parts.Portfolio.Equity);
        _lastCandles[candle.Symbol] = candle;
        Publish(new CandleClosed(now, candle));

        foreach (var slot in strategies)
        {
            if (slot.Wants(candle))
            {
                RunStrategy(slot, candle, now);
            }
        }

        store.UpdateRunAccount(parts.RunId, parts.Portfolio.Balance, parts.Portfolio.PeakEquity, _firstCandle, candle.OpenTime);
        store.Commit();
    }

    /// <summary>The data has ended: cancel entries that can no longer fill and, if configured, close what is open.</summary>
    public void OnEndOfData(bool closePositions)
    {
        var store = parts.Store;
        store.Begin();
        var now = parts.Clock.GetUtcNow();
        parts.Orders.CancelPendingEntries(now, "replay ended before the entry could fill");
        if (closePositions)
        {
            foreach (var position in parts.Portfolio.Positions.OrderBy(p => p.Symbol.Value, StringComparer.Ordinal).ToList())
            {
                var last = _lastCandles[position.Symbol];
                parts.Orders.ClosePosition(position.Symbol, ExitReason.EndOfData, last.Close, now);
            }

            parts.Statistics.ObserveEquity(parts.Portfolio.Equity);
        }

        store.UpsertDailyStats(parts.RunId, parts.Daily.Today);
        store.UpdateRunAccount(parts.RunId, parts.Portfolio.Balance, parts.Portfolio.PeakEquity, _firstCandle, _lastCandles.Values.Select(c => c.OpenTime).DefaultIfEmpty(now).Max());
        store.Commit();
    }

    private void RunStrategy(StrategySlot slot, Candle candle, DateTimeOffset now)
    {
        _context.Reset(now, slot.Log);
        try
        {
            slot.Strategy.OnCandle(candle, _context);
        }
        catch (Exception ex)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            slot.Fault(reason);
            Publish(new PluginFaulted(now, slot.Id, reason));
            Publish(new EngineError(now, slot.Id, $"strategy '{slot.Id}' threw on the {candle.Symbol} {candle.Interval} candle at {candle.OpenTime:yyyy-MM-dd HH:mm} and receives no more events: {reason}"));
            return;
        }

        foreach (var pattern in _context.Patterns)
        {
            parts.Store.UpsertPattern(parts.RunId, slot.Id, pattern);
            Publish(slot.IsNewPattern(pattern.Id)
                ? pattern.Kind switch
                {
                    PatternKind.OrderBlock => new OrderBlockDetected(now, slot.Id, pattern),
                    PatternKind.FairValueGap => new FvgDetected(now, slot.Id, pattern),
                    _ => new PatternDetected(now, slot.Id, pattern),
                }
                : new PatternUpdated(now, slot.Id, pattern));
        }

        foreach (var signal in _context.Signals.ToList())
        {
            HandleSignal(slot.Id, signal, candle, now);
        }
    }

    private void HandleSignal(string strategyId, EntrySignal signal, Candle candle, DateTimeOffset now)
    {
        var signalId = ClientOrderIds.SignalId(strategyId, signal, candle.OpenTime);
        parts.Store.InsertSignal(parts.RunId, signalId, strategyId, signal, now);
        Publish(new EntrySignalRaised(now, strategyId, signalId, signal));

        var decision = Precheck(signal) ?? Evaluate(signal, now);
        if (decision.IsApproved)
        {
            decision = ApplyExchangeRules(signal, decision);
        }

        parts.Store.RecordSignalDecision(parts.RunId, signalId, decision);
        if (!decision.IsApproved)
        {
            Publish(new SignalRejected(now, strategyId, signalId, signal, decision.Reason!.Value, decision.Detail));
            return;
        }

        var immediate = parts.EntryFill == Configuration.EntryFill.SignalClose ? candle.Close : (decimal?)null;
        parts.Orders.PlaceEntry(signalId, strategyId, signal, decision.Quantity, decision.Leverage, now, immediate);
    }

    private RiskDecision? Precheck(EntrySignal signal)
    {
        if (KillSwitchCheck() is { } killed)
        {
            return killed;
        }

        var valid = signal.EntryPrice > 0 && signal.StopLoss > 0 && signal.TakeProfit > 0 && (signal.Side == PositionSide.Long
            ? signal.StopLoss < signal.EntryPrice && signal.EntryPrice < signal.TakeProfit
            : signal.TakeProfit < signal.EntryPrice && signal.EntryPrice < signal.StopLoss);
        if (!valid)
        {
            return RiskDecision.Reject(RejectionReason.InvalidSignal, $"{signal.Side} with entry {signal.EntryPrice}, stop {signal.StopLoss}, target {signal.TakeProfit}: the stop and target must lie on either side of the entry");
        }

        if (!parts.HasRules(signal.Symbol))
        {
            return RiskDecision.Reject(RejectionReason.InvalidSignal, $"no trading rules for {signal.Symbol}");
        }

        if (parts.Orders.HasExposure(signal.Symbol))
        {
            return RiskDecision.Reject(RejectionReason.PositionAlreadyOpen, $"{signal.Symbol} already has a position or an entry on its way");
        }

        return TradingPaused ? RiskDecision.Reject(RejectionReason.TradingPaused, "trading is paused") : null;
    }

    private RiskDecision Evaluate(EntrySignal signal, DateTimeOffset now)
    {
        var context = new RiskContext(now, parts.Portfolio.ToView(), parts.Daily.Today, parts.Portfolio.PositionViews(), risk.Log, parts.Rules);
        try
        {
            return risk.Manager.Evaluate(signal, context) ?? RiskDecision.Reject(RejectionReason.Other, $"risk manager '{risk.Id}' returned no decision");
        }
        catch (Exception ex)
        {
            Publish(new EngineError(now, risk.Id, $"risk manager '{risk.Id}' threw; the signal is refused: {ex.GetType().Name}: {ex.Message}"));
            return RiskDecision.Reject(RejectionReason.Other, $"risk manager failed: {ex.Message}");
        }
    }

    private RiskDecision ApplyExchangeRules(EntrySignal signal, RiskDecision decision)
    {
        var rules = parts.Rules(signal.Symbol);
        var quantity = rules.RoundQuantityDown(decision.Quantity);
        var notional = quantity * signal.EntryPrice;
        if (quantity < rules.MinQuantity || quantity <= 0 || notional < rules.MinNotional)
        {
            return RiskDecision.Reject(RejectionReason.MinNotional, string.Create(CultureInfo.InvariantCulture,
                $"quantity {quantity} (from {decision.Quantity}) × {signal.EntryPrice} = {notional:0.##} is below the minimum ({rules.MinQuantity} and {rules.MinNotional} {parts.Portfolio.Asset})"));
        }

        var leverage = Math.Min(decision.Leverage, rules.MaxLeverage);
        var margin = notional / leverage;
        var available = parts.Portfolio.AvailableBalance;
        if (margin > available)
        {
            return RiskDecision.Reject(RejectionReason.InsufficientMargin, string.Create(CultureInfo.InvariantCulture,
                $"margin {margin:0.##} at {leverage}x exceeds the available {available:0.##} {parts.Portfolio.Asset}"));
        }

        return quantity == decision.Quantity && leverage == decision.Leverage
            ? decision
            : RiskDecision.Approve(quantity, leverage, $"{decision.Detail}; rounded to step {rules.StepSize}, leverage capped at {rules.MaxLeverage}x".TrimStart(';', ' '));
    }
}
