using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>Something for the kernel to handle. Adapters write these into the kernel's channel.</summary>
public abstract record KernelInput;

/// <summary>A closed candle from a feed.</summary>
public sealed record CandleInput(Candle Candle) : KernelInput
{
    /// <summary>
    /// Wall-clock time a replay handed the candle over (its close time is history); null for a feed of the present,
    /// whose event lag is measured from the candle's close.
    /// </summary>
    public DateTimeOffset? ReplayedAt { get; init; }
}

/// <summary>The feed has no more candles (a replay reached the end of its files).</summary>
public sealed record EndOfDataInput : KernelInput;

/// <summary>
/// Hot reload: between two events, replace the instances running as strategy <paramref name="Id"/> (one per slot,
/// in slot order), or remove them when <paramref name="Replacements"/> is empty. A strategy not running yet is added
/// on <paramref name="SymbolsIfNew"/>. <paramref name="Done"/> completes once the kernel has swapped.
/// </summary>
public sealed record StrategySwapInput(
    string Id,
    IReadOnlyList<IStrategy> Replacements,
    IReadOnlySet<Symbol> SymbolsIfNew,
    TaskCompletionSource Done) : KernelInput;
