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
        !IsFaulted && WantsSymbol(candle.Symbol) && (interval is null || interval == candle.Interval);

    private Symbol _lastWanted;

    // The last symbol found in the set is remembered: a repeat costs a string comparison, not a hash.
    private bool WantsSymbol(Symbol symbol)
    {
        if (_lastWanted.Value is not null && _lastWanted == symbol)
        {
            return true;
        }

        if (!symbols.Contains(symbol))
        {
            return false;
        }

        _lastWanted = symbol;
        return true;
    }

    /// <summary>
    /// Whether this report is the pattern's first (its detection). Only patterns still active are remembered: a
    /// pattern's report that ends it also forgets its id, so the set holds the live patterns, not every id of the
    /// run. A pattern reported again after it ended counts as detected again.
    /// </summary>
    public bool IsNewPattern(Pattern pattern) =>
        pattern.IsActive ? _knownPatterns.Add(pattern.Id) : !_knownPatterns.Remove(pattern.Id);

    public void Fault(string reason) => FaultReason = reason;

    /// <summary>Hot reload: a new build takes over this slot, with a clean fault record.</summary>
    public void Replace(IStrategy replacement)
    {
        Strategy = replacement;
        FaultReason = null;
    }
}
