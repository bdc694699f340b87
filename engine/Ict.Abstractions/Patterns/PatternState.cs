namespace Ict.Abstractions;

/// <summary>Where a pattern is in its life.</summary>
public enum PatternState
{
    /// <summary>Valid: may still produce a signal.</summary>
    Active = 1,

    /// <summary>Ended by price action (too many touches, a close through it, completely filled).</summary>
    Invalidated = 2,

    /// <summary>Ended by age.</summary>
    Expired = 3,
}
