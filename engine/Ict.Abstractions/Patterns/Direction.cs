namespace Ict.Abstractions;

/// <summary>The direction a pattern points to.</summary>
public enum Direction
{
    /// <summary>Points up: a long setup.</summary>
    Bullish = 1,

    /// <summary>Points down: a short setup.</summary>
    Bearish = 2,
}
