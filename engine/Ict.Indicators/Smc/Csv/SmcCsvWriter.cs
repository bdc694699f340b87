namespace Ict.Indicators.Smc.Csv;

/// <summary>
/// Writes an <see cref="SmcTable"/> the way smc's expected files are written by pandas' <c>to_csv(index=False)</c>:
/// the header, then one line per row, <c>\n</c> line ends, an empty field for NaN, Python float repr for numbers.
/// </summary>
public static class SmcCsvWriter
{
    /// <summary>Writes the table.</summary>
    /// <param name="table">The indicator output.</param>
    /// <param name="writer">Where to write.</param>
    public static void Write(SmcTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', table.Columns.Select(c => c.Name)));
        writer.Write('\n');
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                writer.Write(table.Columns[c].Format(row));
            }

            writer.Write('\n');
        }
    }
}
