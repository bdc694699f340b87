namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="BosChoch.Compute"/>.</summary>
/// <param name="Bos">Column <c>BOS</c> (float64): +1 bullish, -1 bearish, NaN none.</param>
/// <param name="Choch">Column <c>CHOCH</c> (float64): +1 bullish, -1 bearish, NaN none.</param>
/// <param name="Level">Column <c>Level</c> (<b>float32</b>): the broken swing level, NaN none.</param>
/// <param name="BrokenIndex">Column <c>BrokenIndex</c> (float64): the row of the breaking candle, NaN none; it can be set
/// on a row whose BOS/CHOCH was superseded.</param>
public sealed record BosChochResult(double[] Bos, double[] Choch, float[] Level, double[] BrokenIndex)
{
    /// <summary>The result as smc's table: <c>BOS,CHOCH,Level,BrokenIndex</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Float64("BOS", Bos),
        SmcColumn.Float64("CHOCH", Choch),
        SmcColumn.Float32("Level", Level),
        SmcColumn.Float64("BrokenIndex", BrokenIndex),
    ]);
}
