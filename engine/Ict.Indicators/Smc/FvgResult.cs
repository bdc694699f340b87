namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="Fvg.Compute"/>: four float64 columns, one row per candle, NaN on rows without a gap.</summary>
/// <param name="Direction">Column <c>FVG</c>: +1 bullish, -1 bearish, NaN none.</param>
/// <param name="Top">Column <c>Top</c>: the upper edge of the gap.</param>
/// <param name="Bottom">Column <c>Bottom</c>: the lower edge of the gap.</param>
/// <param name="MitigatedIndex">Column <c>MitigatedIndex</c>: the row of the first touch, 0 if never touched.</param>
public sealed record FvgResult(double[] Direction, double[] Top, double[] Bottom, double[] MitigatedIndex)
{
    /// <summary>The result as smc's table: <c>FVG,Top,Bottom,MitigatedIndex</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Float64("FVG", Direction),
        SmcColumn.Float64("Top", Top),
        SmcColumn.Float64("Bottom", Bottom),
        SmcColumn.Float64("MitigatedIndex", MitigatedIndex),
    ]);
}
