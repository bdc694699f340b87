namespace Ict.Indicators.Smc;

/// <summary>
/// A columnar OHLCV series: the input of every smc-compatible batch indicator. It mirrors the pandas frame that
/// smartmoneyconcepts takes (float64 columns indexed by time), so row positions here are the row positions that the
/// "index" output columns (MitigatedIndex, BrokenIndex, End, Swept) refer to.
/// </summary>
/// <remarks>
/// Timestamps are naive wall-clock times (<see cref="DateTimeKind"/> is ignored): smc reads a MetaTrader export's
/// broker time as it is, and only <see cref="Sessions"/> with a non-UTC time zone converts them.
/// </remarks>
public sealed class OhlcvSeries
{
    internal readonly DateTime[] Times;
    internal readonly double[] Opens;
    internal readonly double[] Highs;
    internal readonly double[] Lows;
    internal readonly double[] Closes;
    internal readonly double[] Volumes;

    /// <summary>Creates a series from equally long columns. The arrays are used as they are, not copied.</summary>
    /// <param name="time">The candle open times, ascending.</param>
    /// <param name="open">Open prices.</param>
    /// <param name="high">High prices.</param>
    /// <param name="low">Low prices.</param>
    /// <param name="close">Close prices.</param>
    /// <param name="volume">Volumes, or <see langword="null"/> for a series without volume (all zero, as smc sees a zero column).</param>
    /// <exception cref="ArgumentException">A column's length differs from the time column's.</exception>
    public OhlcvSeries(DateTime[] time, double[] open, double[] high, double[] low, double[] close, double[]? volume = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Times = time;
        Opens = Check(open, time.Length, nameof(open));
        Highs = Check(high, time.Length, nameof(high));
        Lows = Check(low, time.Length, nameof(low));
        Closes = Check(close, time.Length, nameof(close));
        Volumes = volume is null ? new double[time.Length] : Check(volume, time.Length, nameof(volume));
    }

    /// <summary>The number of candles (rows).</summary>
    public int Count => Times.Length;

    /// <summary>The candle open times (naive wall-clock).</summary>
    public ReadOnlySpan<DateTime> Time => Times;

    /// <summary>The open prices.</summary>
    public ReadOnlySpan<double> Open => Opens;

    /// <summary>The high prices.</summary>
    public ReadOnlySpan<double> High => Highs;

    /// <summary>The low prices.</summary>
    public ReadOnlySpan<double> Low => Lows;

    /// <summary>The close prices.</summary>
    public ReadOnlySpan<double> Close => Closes;

    /// <summary>The volumes (zero when the source had none).</summary>
    public ReadOnlySpan<double> Volume => Volumes;

    private static double[] Check(double[] column, int length, string name)
    {
        ArgumentNullException.ThrowIfNull(column, name);
        if (column.Length != length)
        {
            throw new ArgumentException($"Column '{name}' has {column.Length} rows, the time column {length}.", name);
        }

        return column;
    }
}
