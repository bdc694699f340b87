namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="OrderBlocks.Compute"/>; rows without a surviving order block are NaN.</summary>
/// <param name="Direction">Column <c>OB</c> (float64): +1 bullish, -1 bearish.</param>
/// <param name="Top">Column <c>Top</c> (<b>float32</b>).</param>
/// <param name="Bottom">Column <c>Bottom</c> (<b>float32</b>).</param>
/// <param name="Volume">Column <c>OBVolume</c> (<b>float32</b>): volume of the trigger candle and the two before it.</param>
/// <param name="MitigatedIndex">Column <c>MitigatedIndex</c> (float64): the row it became a breaker, 0 = not mitigated.</param>
/// <param name="Percentage">Column <c>Percentage</c> (<b>float32</b>): min/max of the two volume parts × 100 (100 when both are 0).</param>
public sealed record OrderBlockResult(
    double[] Direction, float[] Top, float[] Bottom, float[] Volume, double[] MitigatedIndex, float[] Percentage)
{
    /// <summary>The result as smc's table: <c>OB,Top,Bottom,OBVolume,MitigatedIndex,Percentage</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Float64("OB", Direction),
        SmcColumn.Float32("Top", Top),
        SmcColumn.Float32("Bottom", Bottom),
        SmcColumn.Float32("OBVolume", Volume),
        SmcColumn.Float64("MitigatedIndex", MitigatedIndex),
        SmcColumn.Float32("Percentage", Percentage),
    ]);
}
