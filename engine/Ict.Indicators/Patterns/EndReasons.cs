namespace Ict.Indicators.Patterns;

/// <summary>The <see cref="Ict.Abstractions.Pattern.EndReason"/> values an <see cref="ObFvgDetector"/> writes.</summary>
public static class EndReasons
{
    /// <summary>The pattern grew older than its maximum age; its state is <see cref="Ict.Abstractions.PatternState.Expired"/>.</summary>
    public const string MaxAge = "max_age";

    /// <summary>An order block was touched <see cref="ObFvgOptions.ObMaxTouches"/> times.</summary>
    public const string MaxTouches = "max_touches";

    /// <summary>A candle closed beyond the far edge of an order block (below a bullish one, above a bearish one).</summary>
    public const string ClosedThrough = "closed_through";

    /// <summary>Price traded through the whole height of a fair value gap.</summary>
    public const string Filled = "filled";
}
