namespace Ict.Indicators.Smc.Causal;

/// <summary>One row of smc's retracements output, emitted by <see cref="CausalRetracementDetector"/> once it is final.</summary>
/// <param name="Row">The row, as in smc's output (already shifted down one row like smc's).</param>
/// <param name="Direction">1 after a swing high, -1 after a swing low, 0 in the warm-up (smc's Direction).</param>
/// <param name="CurrentRetracement">smc's CurrentRetracement%, one decimal.</param>
/// <param name="DeepestRetracement">smc's DeepestRetracement%, one decimal.</param>
/// <param name="ConfirmedRow">The row of the candle whose close made the row final (it confirmed the next swing).</param>
/// <param name="ConfirmedTime">That candle's open time.</param>
public sealed record CausalRetracement(
    int Row, int Direction, double CurrentRetracement, double DeepestRetracement, int ConfirmedRow, DateTime ConfirmedTime);
