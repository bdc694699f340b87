using System.Globalization;
using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// Compares an indicator's table with an expected smc CSV under smc's rule (rtol 1e-5, atol 1e-8, NaN positions equal,
/// names and order equal) and the stricter rule the port aims for: float64 bit for bit, float32 equal as singles, ints exact.
/// </summary>
internal static class ExpectedTable
{
    public static void AssertMatches(string expectedPath, SmcTable actual)
    {
        var lines = File.ReadAllLines(expectedPath);
        Assert.Equal(lines[0], string.Join(',', actual.Columns.Select(c => c.Name)));
        Assert.Equal(lines.Length - 1, actual.RowCount);
        var failures = new List<string>();
        for (var row = 0; row < actual.RowCount; row++)
        {
            var fields = lines[row + 1].Split(',');
            for (var c = 0; c < actual.Columns.Count; c++)
            {
                var column = actual.Columns[c];
                if (!CellMatches(fields[c], column, row) && failures.Count < 10)
                {
                    failures.Add($"row {row} {column.Name}: expected '{fields[c]}', got '{column.Format(row)}'");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool CellMatches(string expected, SmcColumn column, int row)
    {
        var actual = column[row];
        if (expected.Length == 0)
        {
            return double.IsNaN(actual);
        }

        if (double.IsNaN(actual))
        {
            return false;
        }

        var value = double.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture);
        var withinPandas = Math.Abs(actual - value) <= 1e-8 + (1e-5 * Math.Abs(value));
        var strict = column.Type switch
        {
            SmcColumnType.Float32 => (float)value == (float)actual,
            _ => value == actual,
        };
        return withinPandas && strict;
    }
}
