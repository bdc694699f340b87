namespace Ict.Engine.Events;

/// <summary>The kill switch was engaged or released.</summary>
public sealed record KillSwitchChanged(DateTimeOffset Time, bool Engaged, string Source) : EngineEvent(Time)
{
    public override EventType Type => EventType.KillSwitchChanged;
}

/// <summary>An operator paused new entries, or resumed them.</summary>
public sealed record TradingPauseChanged(DateTimeOffset Time, bool Paused, string Source) : EngineEvent(Time)
{
    public override EventType Type => EventType.TradingPauseChanged;
}
