namespace Ict.Engine.Risk;

/// <summary>
/// The engine-level kill switch. While engaged, the kernel refuses every new entry with
/// <see cref="Ict.Abstractions.RejectionReason.KillSwitch"/> before the risk manager is asked; engaging it with
/// flatten also closes every position (exit reason KillSwitch). Owned by the kernel thread.
/// </summary>
internal sealed class KillSwitch
{
    public bool Engaged { get; private set; }

    public string Source { get; private set; } = string.Empty;

    /// <summary>Sets the state; returns whether it changed.</summary>
    public bool Set(bool engaged, string source)
    {
        if (engaged == Engaged)
        {
            return false;
        }

        Engaged = engaged;
        Source = source;
        return true;
    }
}
