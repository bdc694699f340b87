namespace Ict.Indicators.Smc;

/// <summary>
/// Answers "the first row j ≥ start where x[j] crosses a level" (numpy's <c>argmax(mask)</c> over a slice) without
/// rescanning the whole tail each time: per-block maxima and minima let a search skip blocks that cannot match.
/// Comparisons are on doubles, exactly as written, so the result equals a plain forward scan.
/// </summary>
internal sealed class FirstCrossing
{
    private const int Shift = 5;
    private const int Block = 1 << Shift;
    private readonly double[] _x;
    private double[]? _blockMax;
    private double[]? _blockMin;

    public FirstCrossing(double[] x)
    {
        _x = x;
    }

    /// <summary>First j ≥ start with x[j] &gt; level, or -1.</summary>
    public int FirstAbove(int start, double level) => Find(start, level, above: true, inclusive: false);

    /// <summary>First j ≥ start with x[j] ≥ level, or -1.</summary>
    public int FirstAtOrAbove(int start, double level) => Find(start, level, above: true, inclusive: true);

    /// <summary>First j ≥ start with x[j] &lt; level, or -1.</summary>
    public int FirstBelow(int start, double level) => Find(start, level, above: false, inclusive: false);

    /// <summary>First j ≥ start with x[j] ≤ level, or -1.</summary>
    public int FirstAtOrBelow(int start, double level) => Find(start, level, above: false, inclusive: true);

    private static bool Hit(double v, double level, bool above, bool inclusive) =>
        above ? (inclusive ? v >= level : v > level) : (inclusive ? v <= level : v < level);

    private int Find(int start, double level, bool above, bool inclusive)
    {
        var n = _x.Length;
        if (start < 0)
        {
            start = 0;
        }

        var j = start;
        var firstBlockEnd = Math.Min(n, ((start >> Shift) + 1) << Shift);
        for (; j < firstBlockEnd; j++)
        {
            if (Hit(_x[j], level, above, inclusive))
            {
                return j;
            }
        }

        // j is now n or the start of a block; never rescan the rows before start.
        if (j >= n)
        {
            return -1;
        }

        var extremes = above ? _blockMax ??= BuildBlocks(max: true) : _blockMin ??= BuildBlocks(max: false);
        for (var b = j >> Shift; b < extremes.Length; b++)
        {
            // NaN extremes never hit, and a block holding a NaN is scanned row by row anyway.
            if (!double.IsNaN(extremes[b]) && !Hit(extremes[b], level, above, inclusive))
            {
                continue;
            }

            var end = Math.Min(n, (b + 1) << Shift);
            for (var k = b << Shift; k < end; k++)
            {
                if (Hit(_x[k], level, above, inclusive))
                {
                    return k;
                }
            }
        }

        return -1;
    }

    private double[] BuildBlocks(bool max)
    {
        var blocks = new double[(_x.Length + Block - 1) >> Shift];
        for (var b = 0; b < blocks.Length; b++)
        {
            var end = Math.Min(_x.Length, (b + 1) << Shift);
            var m = _x[b << Shift];
            for (var k = (b << Shift) + 1; k < end && !double.IsNaN(m); k++)
            {
                var v = _x[k];
                m = double.IsNaN(v) ? v : (max ? Math.Max(m, v) : Math.Min(m, v));
            }

            blocks[b] = m;
        }

        return blocks;
    }
}
