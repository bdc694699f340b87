using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>A running strategy: which candles it gets, and whether it has faulted.</summary>
internal sealed class StrategySlot(string id, IStrategy strategy, IReadOnlySet<Symbol> symbols, Interval? interval, IPluginLogger log)
{
    private readonly HashSet<string> _knownPatterns = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public IStrategy Strategy { get; private set; } = strategy;

    public IPluginLogger Log { get; } = log;

    /// <summary>The symbols this slot trades.</summary>
    public IReadOnlySet<Symbol> Symbols => symbols;

    /// <summary>The one interval this slot gets, or null for every interval of its symbols.</summary>
    public Interval? Interval => interval;

    public string? FaultReason { get; private set; }

    public bool IsFaulted => FaultReason is not null;

    public bool Wants(Candle candle) =>
        !IsFaulted && symbols.Contains(candle.Symbol) && (interval is null || interval == candle.Interval);

    /// <summary>Remembers a pattern id; true the first time it is seen.</summary>
    public bool IsNewPattern(string patternId) => _knownPatterns.Add(patternId);

    public void Fault(string reason) => FaultReason = reason;

    /// <summary>Hot reload: a new build takes over this slot, with a clean fault record.</summary>
    public void Replace(IStrategy replacement)
    {
        Strategy = replacement;
        FaultReason = null;
    }
}
