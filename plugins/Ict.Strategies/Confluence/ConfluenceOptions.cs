using System.ComponentModel.DataAnnotations;

namespace Ict.Strategies.Confluence;

/// <summary>Settings of <c>ict.confluence</c>: factor weights, the entry threshold and the causal indicators' parameters.</summary>
public sealed record ConfluenceOptions : IValidatableObject
{
    /// <summary>Swing length L of the causal swings behind structure, order blocks, OTE and sweeps.</summary>
    [Range(1, 500)]
    public int SwingLength { get; init; } = 5;

    /// <summary>Weight of market-structure alignment: the latest standing BOS/CHoCH points the trade's way.</summary>
    [Range(0.0, 100.0)]
    public double MarketStructureWeight { get; init; } = 2.0;

    /// <summary>Weight of an order block: the close lies in an unmitigated same-direction block.</summary>
    [Range(0.0, 100.0)]
    public double OrderBlockWeight { get; init; } = 2.0;

    /// <summary>Weight of a fair value gap: the close lies in a same-direction gap confirmed within <see cref="FvgMaxAgeCandles"/>.</summary>
    [Range(0.0, 100.0)]
    public double FvgWeight { get; init; } = 1.5;

    /// <summary>Weight of the OTE zone: the close retraces the last swing leg by <see cref="OteMin"/>..<see cref="OteMax"/>.</summary>
    [Range(0.0, 100.0)]
    public double OteWeight { get; init; } = 1.5;

    /// <summary>Weight of a liquidity sweep: within <see cref="SweepLookbackCandles"/>, a wick went beyond the last swing on the
    /// opposite side and the candle closed back inside.</summary>
    [Range(0.0, 100.0)]
    public double LiquiditySweepWeight { get; init; } = 1.0;

    /// <summary>The score at or above which a signal is raised.</summary>
    [Range(0.0, 1000.0)]
    public double EntryThreshold { get; init; } = 4.0;

    /// <summary>Lower bound of the optimal trade entry retracement (fraction of the leg).</summary>
    [Range(0.0, 1.0)]
    public double OteMin { get; init; } = 0.62;

    /// <summary>Upper bound of the optimal trade entry retracement (fraction of the leg).</summary>
    [Range(0.0, 1.0)]
    public double OteMax { get; init; } = 0.79;

    /// <summary>Candles a fair value gap stays usable after it is confirmed.</summary>
    [Range(1, 100_000)]
    public int FvgMaxAgeCandles { get; init; } = 50;

    /// <summary>Candles a liquidity sweep stays relevant.</summary>
    [Range(1, 10_000)]
    public int SweepLookbackCandles { get; init; } = 10;

    /// <summary>Stop beyond the order block (or the last opposite swing) in percent.</summary>
    [Range(0.0, 50.0)]
    public double StopBufferPercent { get; init; } = 0.2;

    /// <summary>Take-profit as a multiple of the risk.</summary>
    [Range(0.1, 100.0)]
    public double RewardRiskRatio { get; init; } = 2.0;

    /// <summary>The largest possible score: the sum of the weights.</summary>
    public double MaxScore => MarketStructureWeight + OrderBlockWeight + FvgWeight + OteWeight + LiquiditySweepWeight;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OteMin >= OteMax)
        {
            yield return new ValidationResult("oteMin must be below oteMax", [nameof(OteMin), nameof(OteMax)]);
        }

        if (EntryThreshold > MaxScore)
        {
            yield return new ValidationResult($"entryThreshold {EntryThreshold} can never be reached: the weights sum to {MaxScore}", [nameof(EntryThreshold)]);
        }
    }
}
