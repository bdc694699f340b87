using System.ComponentModel.DataAnnotations;

namespace Ict.Risk;

/// <summary>Settings of <c>ict.fixed-fractional</c>; defaults are the seed's plus issue 8's protections.</summary>
public sealed record FixedFractionalOptions : IValidatableObject
{
    /// <summary>Money risked per trade, as a percentage of the balance (seed: 1).</summary>
    [Range(typeof(decimal), "0.01", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal RiskPerTradePercent { get; init; } = 1m;

    /// <summary>Largest position value, as a percentage of the balance (seed: 10).</summary>
    [Range(typeof(decimal), "0.01", "10000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxPositionPercent { get; init; } = 10m;

    /// <summary>New entries stop when today's loss reaches this percentage of the equity at the start of the UTC day (seed: 3).</summary>
    [Range(typeof(decimal), "0.01", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxDailyLossPercent { get; init; } = 3m;

    /// <summary>New entries stop after this many positions opened in a UTC day (seed: 5).</summary>
    [Range(1, 1000)]
    public int MaxDailyTrades { get; init; } = 5;

    /// <summary>New entries stop while this many positions are open.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentPositions { get; init; } = 3;

    /// <summary>New entries stop while equity is this percentage or more below its peak.</summary>
    [Range(typeof(decimal), "0.01", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxDrawdownPercent { get; init; } = 15m;

    /// <summary>A cooldown starts when this many trades in a row have lost (0 turns the cooldown off).</summary>
    [Range(0, 1000)]
    public int CooldownAfterLosses { get; init; } = 3;

    /// <summary>How long the cooldown lasts, in minutes of engine time.</summary>
    [Range(1, 100_000)]
    public int CooldownMinutes { get; init; } = 240;

    /// <summary>The leverage to open with when <see cref="DynamicLeverage"/> is off.</summary>
    [Range(1, 125)]
    public int Leverage { get; init; } = 1;

    /// <summary>Scale leverage with the signal's confidence (70% ⇒ 3x, 90% ⇒ 10x, 100% ⇒ 20x) and its stop distance.</summary>
    public bool DynamicLeverage { get; init; }

    /// <summary>The highest leverage dynamic leverage may choose (the symbol's own maximum also applies).</summary>
    [Range(1, 125)]
    public int MaxLeverage { get; init; } = 20;

    /// <summary>
    /// Dynamic leverage keeps leverage × stop distance (as a % of the entry) at or below this, so a wide,
    /// volatile stop gets less leverage (the stop distance stands in for ATR: the strategy sets it from the zone).
    /// </summary>
    [Range(typeof(decimal), "0.1", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxLeveragedStopPercent { get; init; } = 10m;

    /// <summary>
    /// Dynamic leverage also keeps leverage × ATR (the engine's 14-candle average true range, as a % of the entry) at
    /// or below this, so a volatile market gets less leverage (0 turns the ATR cap off).
    /// </summary>
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxLeveragedAtrPercent { get; init; } = 5m;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DynamicLeverage && Leverage > MaxLeverage)
        {
            yield return new ValidationResult($"leverage {Leverage} is above maxLeverage {MaxLeverage}", [nameof(Leverage)]);
        }
    }
}
