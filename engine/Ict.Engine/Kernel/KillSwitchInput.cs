namespace Ict.Engine.Kernel;

/// <summary>
/// Engages or releases the kill switch at runtime (from a config change, a command or the TUI). With
/// <paramref name="Flatten"/>, engaging it also cancels pending entries and closes every position.
/// </summary>
public sealed record KillSwitchInput(bool Engaged, bool Flatten, string Source) : KernelInput;
