namespace Ict.Indicators.Smc.Causal;

/// <summary>
/// The causal version of <see cref="Retracements"/>, built on <see cref="CausalSwingDetector"/>: fed one closed candle at a time,
/// it emits each row of smc's retracements output once no later candle can change it.
/// </summary>
/// <remarks>
/// <para>A row's value depends on the swings at or before it, and the newest swing can still be replaced by a more extreme one of
/// its type (smc's same-type clean-up) until a swing of the other type is confirmed. So the rows before the newest confirmed
/// swing are final, and they are emitted, in row order, by the candle that confirms that swing (its row + L): at least L candles
/// late, and longer while no new swing appears. The rows from the newest swing on are emitted later.</para>
/// <para>The formula, the one-row shift and the rounding are smc's (see <see cref="Retracements"/>). The warm-up (rows zeroed
/// until the direction has changed three times) counts, as smc does, the change at row 1 that its wrap-around shift puts
/// there (row 0 receives the last row's direction, non-zero in any series with a swing).</para>
/// <para>Agreement with the batch: after the last candle, the emitted rows (0 up to the newest swing's row) equal
/// <see cref="Retracements.Compute"/> run on the same swings without smc's two artificial book-ends. smc's own output (with the
/// book-ends) differs by construction only in the warm-up: its wrap-around change compares the two book-ends, so when they have the
/// same type (the first and last real swings have the same type) smc counts one change fewer and its warm-up ends one swing
/// later, where the causal rows already hold values. Otherwise (as on smc's EURUSD test file) every emitted row equals smc's.</para>
/// <para>Memory: the highs and lows of the rows not yet emitted.</para>
/// </remarks>
public sealed class CausalRetracementDetector
{
    private readonly CausalSwingDetector _swings;
    private readonly List<double> _highs = [];
    private readonly List<double> _lows = [];
    private readonly List<CausalRetracement> _events = [];
    private CausalSwing? _pending;
    private int _next;
    private int _offset;
    private int _dir;
    private double _top;
    private double _bottom;
    private double _deep;
    private int _changes;

    /// <summary>Creates a detector.</summary>
    /// <param name="swingLength">smc's <c>swing_length</c> for the underlying swings.</param>
    public CausalRetracementDetector(int swingLength = 50)
    {
        _swings = new CausalSwingDetector(swingLength);
    }

    /// <summary>The number of candles seen; the next candle gets this row number.</summary>
    public int Count => _swings.Count;

    /// <summary>The number of rows emitted so far (rows 0 to <c>Emitted - 1</c>).</summary>
    public int Emitted => _next == 0 ? 0 : _next + 1;

    /// <summary>Feeds the next closed candle and returns the rows it makes final (valid until the next call).</summary>
    /// <param name="bar">The candle.</param>
    public IReadOnlyList<CausalRetracement> Add(in OhlcvBar bar)
    {
        _events.Clear();
        var r = Count;
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        foreach (var swing in _swings.Add(bar))
        {
            // A replaced swing never takes effect; otherwise the standing one becomes final with the arrival of this one.
            var standing = swing.ReplacesRow is null ? _pending : null;
            Advance(swing.Row, standing, r, bar.Time);
            _pending = swing;
        }

        return _events;
    }

    private void Advance(int to, CausalSwing? swing, int r, DateTime time)
    {
        for (var j = _next; j < to; j++)
        {
            var previous = _dir;
            if (swing is not null && swing.Row == j)
            {
                _dir = swing.Direction;
                if (_dir == 1)
                {
                    _top = swing.Level;
                }
                else
                {
                    _bottom = swing.Level;
                }
            }

            double high = _highs[j - _offset], low = _lows[j - _offset];
            double cur = 0, deep = 0;
            if (previous == 1)
            {
                cur = _top == _bottom ? 0 : Retracements.Round1(100 - (((low - _bottom) / (_top - _bottom)) * 100));
                deep = Math.Max(_deep, cur);
            }

            if (_dir == -1)
            {
                cur = _bottom == _top ? 0 : Retracements.Round1(100 - (((high - _top) / (_bottom - _top)) * 100));
                deep = Math.Max(previous == -1 ? _deep : 0, cur);
            }

            _deep = deep;
            if (j == 0)
            {
                // smc's row 0 holds the wrapped-around last row, always zeroed by the warm-up.
                _events.Add(new CausalRetracement(0, 0, 0, 0, r, time));
            }

            // Output row j + 1 holds computed row j. It is zeroed while fewer than three changes lie between output rows 0..j;
            // the pair (0, 1) is the wrap-around change (dir[n-1] is non-zero, dir[0] is zero: no swing sits on row 0).
            var warm = _changes >= 3;
            _events.Add(warm ? new CausalRetracement(j + 1, _dir, cur, deep, r, time) : new CausalRetracement(j + 1, 0, 0, 0, r, time));
            _changes += j == 0 ? 1 : _dir != previous ? 1 : 0;
        }

        if (to > _next)
        {
            _highs.RemoveRange(0, to - _offset);
            _lows.RemoveRange(0, to - _offset);
            _offset = to;
            _next = to;
        }
    }
}
