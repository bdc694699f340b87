namespace Ict.Engine.Configuration;

/// <summary>
/// <c>$.killSwitch</c>: when engaged, no new entries are taken (<c>RejectionReason.KillSwitch</c>). Editing it in a
/// running engine's config engages or releases it live; with <see cref="FlattenOnEngage"/> engaging it also closes
/// every position (exit reason KillSwitch).
/// </summary>
public sealed record KillSwitchOptions
{
    public bool Engaged { get; init; }

    public bool FlattenOnEngage { get; init; } = true;
}
