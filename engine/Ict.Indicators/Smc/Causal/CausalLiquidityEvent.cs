namespace Ict.Indicators.Smc.Causal;

/// <summary>What happened to a liquidity group (equal highs or equal lows).</summary>
public enum LiquidityEventKind
{
    /// <summary>A second swing joined the anchor swing's band: the group exists.</summary>
    Formed,

    /// <summary>The group's members changed (a swing joined, or a member swing was replaced by a more extreme one and left):
    /// new Level and End.</summary>
    Updated,

    /// <summary>A member swing was replaced by a more extreme one and left, leaving the anchor alone: the group is gone.</summary>
    Dissolved,

    /// <summary>Price went beyond the band (high ≥ Level + band for highs): smc's Swept.</summary>
    Swept,
}

/// <summary>A liquidity event from <see cref="CausalLiquidityDetector"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Row">The anchor swing's row (smc writes the group there).</param>
/// <param name="Direction">+1 a group of swing highs, -1 a group of swing lows.</param>
/// <param name="Level">The mean level of the members, float32 as in smc.</param>
/// <param name="End">The row of the last member (smc's End).</param>
/// <param name="Swept">The row that swept the band, 0 while not swept (smc's Swept).</param>
/// <param name="Members">How many swings are in the group (the anchor included).</param>
/// <param name="ConfirmedRow">The row of the candle whose close made this known.</param>
/// <param name="ConfirmedTime">That candle's open time.</param>
public sealed record CausalLiquidityEvent(
    LiquidityEventKind Kind, int Row, int Direction, float Level, int End, int Swept, int Members, int ConfirmedRow, DateTime ConfirmedTime);
