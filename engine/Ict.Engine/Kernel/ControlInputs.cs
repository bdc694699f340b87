using Ict.Engine.Status;

namespace Ict.Engine.Kernel;

/// <summary>
/// Asks the kernel for a <see cref="TradingSnapshot"/> between two inputs; <paramref name="Taken"/> receives it on
/// the kernel thread (keep it quick).
/// </summary>
public sealed record SnapshotInput(Action<TradingSnapshot> Taken) : KernelInput;

/// <summary>Pauses or resumes new entries (open positions keep their stops and targets).</summary>
public sealed record PauseInput(bool Paused, string Source) : KernelInput;

/// <summary>Closes one position at market, for an operator (<paramref name="Source"/> says who).</summary>
public sealed record ClosePositionInput(Abstractions.Symbol Symbol, string Source) : KernelInput;
