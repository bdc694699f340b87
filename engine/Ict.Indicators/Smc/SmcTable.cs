namespace Ict.Indicators.Smc;

/// <summary>The output of one smc indicator: its columns, in smc's order, one row per input candle.</summary>
/// <param name="Columns">The columns, in the order smc returns them.</param>
public sealed record SmcTable(IReadOnlyList<SmcColumn> Columns)
{
    /// <summary>The number of rows (the input candle count).</summary>
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Count;

    /// <summary>The column with this header.</summary>
    /// <param name="name">The header, for example <c>Level</c>.</param>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public SmcColumn this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"No column '{name}'.");
}
