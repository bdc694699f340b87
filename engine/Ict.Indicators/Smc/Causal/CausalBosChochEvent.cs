namespace Ict.Indicators.Smc.Causal;

/// <summary>What happened to a BOS/CHoCH signal.</summary>
public enum BosChochEventKind
{
    /// <summary>The structure pattern is known and its level has been broken.</summary>
    Formed,

    /// <summary>smc's supersede rule clears the signal: a later swing's signal broke at or before this one's break.
    /// BrokenRow is kept, as smc keeps BrokenIndex.</summary>
    Superseded,
}

/// <summary>A BOS/CHoCH event from <see cref="CausalBosChochDetector"/>.</summary>
/// <param name="Kind">Formed or superseded.</param>
/// <param name="Row">The broken swing's row (smc writes the signal there).</param>
/// <param name="IsChoch">True for a change of character, false for a break of structure.</param>
/// <param name="Direction">+1 bullish, -1 bearish.</param>
/// <param name="Level">The broken level, float32 as in smc.</param>
/// <param name="BrokenRow">The row of the breaking candle (smc's BrokenIndex).</param>
/// <param name="ConfirmedRow">The row whose close made this known: the later of the break and the fourth swing's confirmation.</param>
/// <param name="ConfirmedTime">That candle's open time.</param>
public sealed record CausalBosChochEvent(
    BosChochEventKind Kind, int Row, bool IsChoch, int Direction, float Level, int BrokenRow, int ConfirmedRow, DateTime ConfirmedTime);
