namespace Ict.Indicators.Smc.Causal;

/// <summary>A swing point from <see cref="CausalSwingDetector"/>, emitted L candles after its row.</summary>
/// <param name="Row">The swing candle's row.</param>
/// <param name="Direction">+1 swing high, -1 swing low.</param>
/// <param name="Level">The swing candle's high (for +1) or low (for -1).</param>
/// <param name="ConfirmedRow">The row whose close completed the window (Row + L).</param>
/// <param name="ConfirmedTime">That candle's open time.</param>
/// <param name="ReplacesRow">The earlier swing of the same direction, with no opposite swing in between, that this more
/// extreme one replaces (smc's same-type clean-up), or null.</param>
public sealed record CausalSwing(int Row, int Direction, double Level, int ConfirmedRow, DateTime ConfirmedTime, int? ReplacesRow);
