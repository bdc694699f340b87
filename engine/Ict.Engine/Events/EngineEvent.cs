using Ict.Abstractions;
using Ict.Engine.Market;

namespace Ict.Engine.Events;

/// <summary>Something that happened in the engine, stamped with engine time. Immutable; past tense.</summary>
public abstract record EngineEvent(DateTimeOffset Time)
{
    public abstract EventType Type { get; }
}

public sealed record CandleClosed(DateTimeOffset Time, Candle Candle) : EngineEvent(Time)
{
    public override EventType Type => EventType.CandleClosed;
}

public sealed record GapDetected(DateTimeOffset Time, CandleGap Gap) : EngineEvent(Time)
{
    public override EventType Type => EventType.GapDetected;
}

/// <summary>A strategy reported a pattern for the first time.</summary>
public sealed record OrderBlockDetected(DateTimeOffset Time, string StrategyId, Pattern Pattern) : EngineEvent(Time)
{
    public override EventType Type => EventType.OrderBlockDetected;
}

public sealed record FvgDetected(DateTimeOffset Time, string StrategyId, Pattern Pattern) : EngineEvent(Time)
{
    public override EventType Type => EventType.FvgDetected;
}

/// <summary>A pattern of another kind (swing, BOS, CHoCH, sweep) reported for the first time.</summary>
public sealed record PatternDetected(DateTimeOffset Time, string StrategyId, Pattern Pattern) : EngineEvent(Time)
{
    public override EventType Type => EventType.PatternDetected;
}

/// <summary>A known pattern's life changed: a touch, a fill, its end.</summary>
public sealed record PatternUpdated(DateTimeOffset Time, string StrategyId, Pattern Pattern) : EngineEvent(Time)
{
    public override EventType Type => EventType.PatternUpdated;
}

public sealed record EntrySignalRaised(DateTimeOffset Time, string StrategyId, string SignalId, EntrySignal Signal) : EngineEvent(Time)
{
    public override EventType Type => EventType.EntrySignal;
}

public sealed record SignalRejected(DateTimeOffset Time, string StrategyId, string SignalId, EntrySignal Signal, RejectionReason Reason, string Detail) : EngineEvent(Time)
{
    public override EventType Type => EventType.SignalRejected;
}

public sealed record OrderPlaced(DateTimeOffset Time, OrderView Order) : EngineEvent(Time)
{
    public override EventType Type => EventType.OrderPlaced;
}

/// <summary>The exchange accepted the order and gave it <paramref name="ExchangeOrderId"/> (its orderId, or algoId for SL/TP).</summary>
public sealed record OrderAcknowledged(DateTimeOffset Time, OrderView Order, string ExchangeOrderId) : EngineEvent(Time)
{
    public override EventType Type => EventType.OrderAcknowledged;
}

public sealed record OrderFilled(DateTimeOffset Time, OrderView Order, FillView Fill) : EngineEvent(Time)
{
    public override EventType Type => EventType.OrderFilled;
}

public sealed record OrderCanceled(DateTimeOffset Time, OrderView Order, string Reason) : EngineEvent(Time)
{
    public override EventType Type => EventType.OrderCanceled;
}

public sealed record OrderRejected(DateTimeOffset Time, OrderView Order, string Reason) : EngineEvent(Time)
{
    public override EventType Type => EventType.OrderRejected;
}

public sealed record PositionOpened(DateTimeOffset Time, PositionView Position) : EngineEvent(Time)
{
    public override EventType Type => EventType.PositionOpened;
}

public sealed record PositionClosed(DateTimeOffset Time, TradeView Trade) : EngineEvent(Time)
{
    public override EventType Type => EventType.PositionClosed;

    /// <summary>Entry to initial stop, times the size: the trade's 1R in money.</summary>
    public decimal InitialRisk { get; init; }
}

/// <summary>A funding payment: positive <paramref name="Paid"/> left the balance, negative arrived.</summary>
public sealed record FundingApplied(DateTimeOffset Time, Symbol Symbol, decimal Rate, decimal Paid) : EngineEvent(Time)
{
    public override EventType Type => EventType.FundingApplied;
}

public sealed record PluginFaulted(DateTimeOffset Time, string PluginId, string Reason) : EngineEvent(Time)
{
    public override EventType Type => EventType.PluginFaulted;
}

public sealed record EngineError(DateTimeOffset Time, string Source, string Message) : EngineEvent(Time)
{
    public override EventType Type => EventType.Error;
}
