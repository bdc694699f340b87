namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="PreviousHighLow.Compute"/>.</summary>
/// <param name="PreviousHigh">Column <c>PreviousHigh</c> (<b>float32</b>): the reference bin's high, NaN without one.</param>
/// <param name="PreviousLow">Column <c>PreviousLow</c> (<b>float32</b>): the reference bin's low, NaN without one.</param>
/// <param name="BrokenHigh">Column <c>BrokenHigh</c> (int): 1 once price since the reference changed went above PreviousHigh.</param>
/// <param name="BrokenLow">Column <c>BrokenLow</c> (int): 1 once price since the reference changed went below PreviousLow.</param>
public sealed record PreviousHighLowResult(float[] PreviousHigh, float[] PreviousLow, int[] BrokenHigh, int[] BrokenLow)
{
    /// <summary>The result as smc's table: <c>PreviousHigh,PreviousLow,BrokenHigh,BrokenLow</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Float32("PreviousHigh", PreviousHigh),
        SmcColumn.Float32("PreviousLow", PreviousLow),
        SmcColumn.Int32("BrokenHigh", BrokenHigh),
        SmcColumn.Int32("BrokenLow", BrokenLow),
    ]);
}
