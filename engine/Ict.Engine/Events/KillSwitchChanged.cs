namespace Ict.Engine.Events;

/// <summary>The kill switch was engaged or released.</summary>
public sealed record KillSwitchChanged(DateTimeOffset Time, bool Engaged, string Source) : EngineEvent(Time)
{
    public override EventType Type => EventType.KillSwitchChanged;
}
