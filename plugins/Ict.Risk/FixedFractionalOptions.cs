using System.ComponentModel.DataAnnotations;

namespace Ict.Risk;

/// <summary>Settings of <c>ict.fixed-fractional</c>; defaults are the seed's.</summary>
public sealed record FixedFractionalOptions
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

    /// <summary>The leverage to open with.</summary>
    [Range(1, 125)]
    public int Leverage { get; init; } = 1;
}
