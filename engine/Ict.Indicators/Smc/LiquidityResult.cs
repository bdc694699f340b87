namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="Liquidity.Compute"/>: four <b>float32</b> columns, NaN on rows without a group.</summary>
/// <param name="Direction">Column <c>Liquidity</c>: +1 a group of swing highs, -1 a group of swing lows.</param>
/// <param name="Level">Column <c>Level</c>: the mean level of the group.</param>
/// <param name="End">Column <c>End</c>: the row of the group's last swing.</param>
/// <param name="Swept">Column <c>Swept</c>: the row that swept the group, 0 = not swept.</param>
public sealed record LiquidityResult(float[] Direction, float[] Level, float[] End, float[] Swept)
{
    /// <summary>The result as smc's table: <c>Liquidity,Level,End,Swept</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Float32("Liquidity", Direction),
        SmcColumn.Float32("Level", Level),
        SmcColumn.Float32("End", End),
        SmcColumn.Float32("Swept", Swept),
    ]);
}
