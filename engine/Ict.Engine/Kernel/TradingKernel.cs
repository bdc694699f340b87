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
    private readonly List<StrategySlot> _strategies = [.. strategies];
    private RiskSlot _risk = risk; // replaced between inputs by a new build (TradingKernel.RiskSwap.cs)
    private StrategyContext _context = new(symbol => parts.Portfolio.Get(symbol)?.ToView(parts.Portfolio.Mark(symbol, 0m)));
    private readonly Dictionary<Symbol, Candle> _lastCandles = [];
    private readonly GapDetector _gaps = new();
    private readonly AtrTracker _atr = new();
    private readonly bool _candleEvents = sinks.Any(s => s.WantsCandleEvents);
    private DateTimeOffset? _firstCandle;
    private long _candles;

    public long EventCount { get; private set; }

    public bool TradingPaused { get; set; }

    /// <summary>How strategy calls are timed; inline (no budget) unless the host sets one.</summary>
    public StrategyCallGuard CallGuard { get; init; } = StrategyCallGuard.Inline;

    /// <summary>Calls the strategy: inline without a budget (no closure is allocated), else through the guard.</summary>
    private string? Call(StrategySlot slot, Candle candle, StrategyContext context)
    {
        if (CallGuard.Budget > TimeSpan.Zero)
        {
            return Guarded(slot, candle, context);
        }

        try
        {
            slot.Strategy.OnCandle(candle, context);
            return null;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    // Its own method: a lambda in Call would make the compiler allocate the closure on every call, guarded or not.
    private string? Guarded(StrategySlot slot, Candle candle, StrategyContext context)
    {
        context.Cancellation = CallGuard.NextCallToken();
        return CallGuard.Invoke(() => slot.Strategy.OnCandle(candle, context));
    }

    public void Publish(EngineEvent engineEvent)
    {
        EventCount++;
        for (var i = 0; i < sinks.Count; i++)
        {
            sinks[i].Handle(engineEvent);
        }
    }

    /// <summary>
    /// One pattern report: a direct call to each <see cref="IPatternObserver"/> sink, and one event object, created
    /// only if some other sink wants pattern events, for those sinks. Sinks are called in their usual order.
    /// </summary>
    private void PublishPattern(string strategyId, Pattern pattern, bool isNew, DateTimeOffset now)
    {
        EventCount++;
        EngineEvent? patternEvent = null;
        for (var i = 0; i < sinks.Count; i++)
        {
            var sink = sinks[i];
            if (sink is IPatternObserver observer)
            {
                observer.OnPattern(strategyId, pattern, isNew);
            }
            else if (sink.WantsPatternEvents)
            {
                sink.Handle(patternEvent ??= PatternEvent(strategyId, pattern, isNew, now));
            }
        }
    }

    private static EngineEvent PatternEvent(string strategyId, Pattern pattern, bool isNew, DateTimeOffset now) =>
        !isNew ? new PatternUpdated(now, strategyId, pattern)
        : pattern.Kind switch
        {
            PatternKind.OrderBlock => new OrderBlockDetected(now, strategyId, pattern),
            PatternKind.FairValueGap => new FvgDetected(now, strategyId, pattern),
            _ => new PatternDetected(now, strategyId, pattern),
        };

    public void OnCandle(Candle candle)
    {
        var store = parts.Store;
        store.Begin();
        parts.Clock.AdvanceTo(candle.OpenTime);
        if (_firstCandle is null)
        {
            _firstCandle = candle.OpenTime;
        }

        // The finished day's figures were written when they last changed; a new day gets its starting row.
        if (parts.Daily.Roll(candle.OpenTime, parts.Portfolio.Equity))
        {
            parts.Daily.WriteTo(store, parts.RunId);
        }

        if (parts.RecordCandles)
        {
            store.InsertCandle(candle);
        }

        if (_gaps.Observe(candle) is { } gap)
        {
            Publish(new GapDetected(candle.OpenTime, gap));
        }

        ApplyFunding(candle);

        parts.Orders.OnCandleOpen(candle);
        parts.Clock.AdvanceTo(candle.CloseTime);
        var now = parts.Clock.GetUtcNow();
        parts.Orders.OnCandleRange(candle);
        var equity = parts.Portfolio.MarkToMarket(candle.Symbol, candle.Close);
        _atr.Observe(candle);
        parts.Statistics.ObserveEquity(equity);
        parts.Statistics.CountCandle();
        _lastCandles[candle.Symbol] = candle;
        if (_candleEvents)
        {
            Publish(new CandleClosed(now, candle));
        }

        for (var i = 0; i < _strategies.Count; i++)
        {
            var slot = _strategies[i];
            if (slot.Wants(candle))
            {
                RunStrategy(slot, candle, now);
            }
        }

        if (++_candles % 1024 == 0)
        {
            store.UpdateRunAccount(parts.RunId, parts.Portfolio.Balance, parts.Portfolio.PeakEquity, _firstCandle, candle.OpenTime);
        }

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

        parts.Daily.WriteTo(store, parts.RunId);
        store.UpdateRunAccount(parts.RunId, parts.Portfolio.Balance, parts.Portfolio.PeakEquity, _firstCandle, _lastCandles.Values.Select(c => c.OpenTime).DefaultIfEmpty(now).Max());
        store.Commit();
    }

    /// <summary>Funding due by this candle's open is charged to the position open at that moment, at the last mark.</summary>
    private void ApplyFunding(Candle candle)
    {
        if (parts.Funding is not { } funding)
        {
            return;
        }

        while (funding.TryTakeDue(candle.Symbol, candle.OpenTime, out var time, out var rate))
        {
            if (parts.Portfolio.Get(candle.Symbol) is { } position)
            {
                var paid = parts.Portfolio.ApplyFunding(position, rate);
                Publish(new FundingApplied(time, candle.Symbol, rate, paid));
            }
        }
    }

    private void RunStrategy(StrategySlot slot, Candle candle, DateTimeOffset now)
    {
        _context.Reset(now, slot.Log);
        var context = _context;
        if (Call(slot, candle, context) is { } reason)
        {
            // The abandoned call may still write to its context: later calls get a fresh one.
            _context = new StrategyContext(symbol => parts.Portfolio.Get(symbol)?.ToView(parts.Portfolio.Mark(symbol, 0m)));
            slot.Fault(reason);
            Publish(new PluginFaulted(now, slot.Id, reason));
            Publish(new EngineError(now, slot.Id, $"strategy '{slot.Id}' failed on the {candle.Symbol} {candle.Interval} candle at {candle.OpenTime:yyyy-MM-dd HH:mm} and receives no more events: {reason}"));
            return;
        }

        var patterns = _context.Patterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            var pattern = patterns[i];
            if (parts.PersistPatternChanges)
            {
                parts.Store.UpsertPattern(parts.RunId, slot.Id, pattern);
            }

            PublishPattern(slot.Id, pattern, slot.IsNewPattern(pattern), now);
        }

        // Handling a signal never calls a strategy, so the context's list is stable here.
        var signals = _context.Signals;
        for (var i = 0; i < signals.Count; i++)
        {
            HandleSignal(slot.Id, signals[i], candle, now);
        }
    }

    private void HandleSignal(string strategyId, EntrySignal signal, Candle candle, DateTimeOffset now)
    {
        if (_warmingUp)
        {
            return; // a live run's warm-up candles rebuild history; their signals are in the past
        }

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
        var context = new RiskContext(now, parts.Portfolio.ToView(), parts.Daily.Today, parts.Portfolio.PositionViews(), _risk.Log, parts.Rules, _atr.Get);
        try
        {
            return _risk.Manager.Evaluate(signal, context) ?? RiskDecision.Reject(RejectionReason.Other, $"risk manager '{_risk.Id}' returned no decision");
        }
        catch (Exception ex)
        {
            Publish(new EngineError(now, _risk.Id, $"risk manager '{_risk.Id}' threw; the signal is refused: {ex.GetType().Name}: {ex.Message}"));
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
