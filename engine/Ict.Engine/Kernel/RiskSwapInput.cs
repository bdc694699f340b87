using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>
/// Hot reload: between two events, make <paramref name="Replacement"/> (a new build of risk manager
/// <paramref name="Id"/>) the risk manager. <paramref name="Done"/> completes once the kernel has swapped; it is
/// faulted when <paramref name="Id"/> is not the risk manager in use (nothing changes then).
/// </summary>
public sealed record RiskSwapInput(string Id, IRiskManager Replacement, TaskCompletionSource Done) : KernelInput;
