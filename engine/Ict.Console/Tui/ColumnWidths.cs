namespace Ict.Console.Tui;

/// <summary>Sizes table columns to a width: the widest columns give way first, one column at a time.</summary>
internal static class ColumnWidths
{
    /// <param name="natural">The width each column wants (its widest cell or header).</param>
    /// <param name="available">The columns' total width, gaps excluded.</param>
    public static int[] Fit(IReadOnlyList<int> natural, int available)
    {
        var widths = natural.Select(w => Math.Max(1, w)).ToArray();
        var excess = widths.Sum() - Math.Max(widths.Length, available);
        while (excess > 0)
        {
            // Shrink the widest column down to the next width (or by what is still too much).
            var widest = widths.Max();
            var next = widths.Where(w => w < widest).DefaultIfEmpty(1).Max();
            var count = widths.Count(w => w == widest);
            var step = Math.Max(1, Math.Min(widest - next, (excess + count - 1) / count));
            for (var i = 0; i < widths.Length && excess > 0; i++)
            {
                if (widths[i] == widest && widths[i] > 1)
                {
                    widths[i] -= Math.Min(step, excess);
                    excess -= Math.Min(step, excess);
                }
            }

            if (widths.All(w => w == 1))
            {
                break;
            }
        }

        return widths;
    }
}
