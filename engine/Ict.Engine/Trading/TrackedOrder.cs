using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>An order the engine placed, with why it exists.</summary>
internal sealed record TrackedOrder(OrderView View, string SignalId, OrderRole Role);

/// <summary>An approved entry whose order has not filled yet.</summary>
internal sealed record PendingEntry(string SignalId, string StrategyId, EntrySignal Signal, int Leverage);
