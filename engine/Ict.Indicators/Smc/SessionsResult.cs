namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="Sessions.Compute"/>; inactive rows are 0, 0, 0.</summary>
/// <param name="Active">Column <c>Active</c> (int): 1 inside the session.</param>
/// <param name="High">Column <c>High</c> (<b>float32</b>): the running high of the current active run.</param>
/// <param name="Low">Column <c>Low</c> (<b>float32</b>): the running low of the current active run.</param>
public sealed record SessionsResult(int[] Active, float[] High, float[] Low)
{
    /// <summary>The result as smc's table: <c>Active,High,Low</c>.</summary>
    public SmcTable ToTable() => new([
        SmcColumn.Int32("Active", Active),
        SmcColumn.Float32("High", High),
        SmcColumn.Float32("Low", Low),
    ]);
}
