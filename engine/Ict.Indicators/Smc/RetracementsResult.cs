namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="Retracements.Compute"/>.</summary>
/// <param name="Direction">Column <c>Direction</c> (int): 1 after a swing high, -1 after a swing low, 0 in the warm-up.</param>
/// <param name="CurrentRetracement">Column <c>CurrentRetracement%</c> (float64), one decimal.</param>
/// <param name="DeepestRetracement">Column <c>DeepestRetracement%</c> (float64), one decimal.</param>
public sealed record RetracementsResult(int[] Direction, double[] CurrentRetracement, double[] DeepestRetracement)
{
    /// <summary>The result as smc's table: <c>Direction,CurrentRetracement%,DeepestRetracement%</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Int32("Direction", Direction),
        SmcColumn.Float64("CurrentRetracement%", CurrentRetracement),
        SmcColumn.Float64("DeepestRetracement%", DeepestRetracement),
    ]);
}
