namespace Ict.Indicators.Smc;

/// <summary>The output of <see cref="SwingHighsLows.Compute"/>: two float64 columns.</summary>
/// <param name="HighLow">Column <c>HighLow</c>: +1 swing high, -1 swing low, NaN none.</param>
/// <param name="Level">Column <c>Level</c>: the swing's high (for +1) or low (for -1), NaN otherwise.</param>
public sealed record SwingResult(double[] HighLow, double[] Level)
{
    /// <summary>The rows holding a swing, ascending.</summary>
    public int[] Positions()
    {
        var list = new List<int>();
        for (var i = 0; i < HighLow.Length; i++)
        {
            if (!double.IsNaN(HighLow[i]))
            {
                list.Add(i);
            }
        }

        return [.. list];
    }

    /// <summary>The result as smc's table: <c>HighLow,Level</c>.</summary>
    public SmcTable ToTable() => new([SmcColumn.Float64("HighLow", HighLow), SmcColumn.Float64("Level", Level)]);
}
