namespace Ict.Indicators.Smc.Causal;

/// <summary>
/// The causal version of <see cref="SwingHighsLows"/>: fed one closed candle at a time, it emits a swing when its window
/// high[i-L+1 .. i+L] is complete, i.e. L candles after the swing's row.
/// </summary>
/// <remarks>
/// <para>smc's same-type clean-up keeps, of each run of consecutive swings of one type, the earliest most extreme one. Causally
/// that becomes: a candidate of the same type as the last swing is emitted only if strictly more extreme, with
/// <see cref="CausalSwing.ReplacesRow"/> naming the swing it replaces; a less or equally extreme one is dropped.</para>
/// <para>Agreement with the batch: after the last candle, the swings still standing (emitted and not replaced) equal the batch
/// output except the two artificial book-ends on the first and last rows, which depend on the whole series and are never
/// emitted. Like the batch, no swing exists before row 2L-1.</para>
/// </remarks>
public sealed class CausalSwingDetector
{
    private readonly int _length;
    private readonly double[] _highs;
    private readonly double[] _lows;
    private readonly List<CausalSwing> _events = [];
    private CausalSwing? _last;

    /// <summary>Creates a detector.</summary>
    /// <param name="swingLength">smc's <c>swing_length</c> L.</param>
    public CausalSwingDetector(int swingLength = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(swingLength, 1);
        _length = swingLength;
        _highs = new double[2 * swingLength];
        _lows = new double[2 * swingLength];
    }

    /// <summary>The number of candles seen; the next candle gets this row number.</summary>
    public int Count { get; private set; }

    /// <summary>The newest standing swing (it can still be replaced by a more extreme one of its type), or null.</summary>
    public CausalSwing? Last => _last;

    /// <summary>Feeds the next closed candle and returns the swings it confirms (at most one; valid until the next call).</summary>
    /// <param name="bar">The candle.</param>
    public IReadOnlyList<CausalSwing> Add(in OhlcvBar bar)
    {
        _events.Clear();
        var r = Count;
        var size = _highs.Length;
        _highs[r % size] = bar.High;
        _lows[r % size] = bar.Low;
        Count++;
        var i = r - _length;
        if (i < (2 * _length) - 1)
        {
            return _events;
        }

        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (var k = 0; k < size; k++)
        {
            max = Math.Max(max, _highs[k]);
            min = Math.Min(min, _lows[k]);
        }

        var high = _highs[i % size];
        var low = _lows[i % size];
        var direction = high == max ? 1 : low == min ? -1 : 0;
        if (direction == 0)
        {
            return _events;
        }

        var level = direction == 1 ? high : low;
        int? replaces = null;
        if (_last is not null && _last.Direction == direction)
        {
            var moreExtreme = direction == 1 ? level > _last.Level : level < _last.Level;
            if (!moreExtreme)
            {
                return _events;
            }

            replaces = _last.Row;
        }

        _last = new CausalSwing(i, direction, level, r, bar.Time, replaces);
        _events.Add(_last);
        return _events;
    }
}
