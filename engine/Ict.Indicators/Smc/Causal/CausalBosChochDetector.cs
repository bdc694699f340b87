namespace Ict.Indicators.Smc.Causal;

/// <summary>
/// The causal version of <see cref="BosChoch"/>, built on <see cref="CausalSwingDetector"/>: fed one closed candle at a time,
/// it emits a BOS/CHoCH when both the four-swing pattern is known and its level has been broken.
/// </summary>
/// <remarks>
/// <para>The pattern test, the float32 level and the break rule (first close, or high/low, strictly beyond the level from the
/// swing's row + 2) are smc's. A pattern whose last swing is later replaced by a more extreme one stays valid (the conditions
/// only get stronger), and a replacement can complete a pattern that the first swing did not.</para>
/// <para>smc's supersede rule (a signal is cleared when a later swing's signal broke at or before its own break) becomes a
/// <see cref="BosChochEventKind.Superseded"/> event, emitted when the later break becomes known, or instead of Formed when the
/// signal breaks after being superseded already.</para>
/// <para>Agreement with the batch: after the last candle, the standing Formed signals and the Superseded ones equal the batch
/// run on the same swings without smc's two artificial book-ends (which depend on the whole series). With the book-ends the
/// batch can also show signals on the second swing and the third-last swing, and the supersede effects of those.</para>
/// <para>Memory: the closes (or highs/lows) of every candle seen and every standing signal are kept, about 16 bytes per
/// candle; create a new detector (and warm it up) to start afresh.</para>
/// </remarks>
public sealed class CausalBosChochDetector
{
    private readonly bool _closeBreak;
    private readonly CausalSwingDetector _swings;
    private readonly List<CausalSwing> _sequence = [];
    private readonly List<Candidate> _pending = [];
    private readonly List<Candidate> _standing = [];
    private readonly List<double> _up = [];
    private readonly List<double> _down = [];
    private readonly List<CausalBosChochEvent> _events = [];
    private int _lastCandidateRow = -1;

    /// <summary>Creates a detector.</summary>
    /// <param name="swingLength">smc's <c>swing_length</c> for the underlying swings.</param>
    /// <param name="closeBreak">smc's <c>close_break</c>: break on the close (true) or the high/low (false).</param>
    public CausalBosChochDetector(int swingLength = 50, bool closeBreak = true)
    {
        _swings = new CausalSwingDetector(swingLength);
        _closeBreak = closeBreak;
    }

    /// <summary>The number of candles seen; the next candle gets this row number.</summary>
    public int Count => _swings.Count;

    /// <summary>Feeds the next closed candle and returns the events it confirms (valid until the next call).</summary>
    /// <param name="bar">The candle.</param>
    public IReadOnlyList<CausalBosChochEvent> Add(in OhlcvBar bar)
    {
        _events.Clear();
        var r = Count;
        _up.Add(_closeBreak ? bar.Close : bar.High);
        _down.Add(_closeBreak ? bar.Close : bar.Low);
        foreach (var swing in _swings.Add(bar))
        {
            if (swing.ReplacesRow is not null)
            {
                _sequence[^1] = swing;
            }
            else
            {
                _sequence.Add(swing);
            }

            Evaluate();
        }

        for (var k = 0; k < _pending.Count; k++)
        {
            var c = _pending[k];
            var j = FirstBreak(c, r);
            if (j >= 0)
            {
                _pending.RemoveAt(k--);
                Broke(c with { BrokenRow = j }, r, bar.Time);
            }
        }

        return _events;
    }

    private void Evaluate()
    {
        if (_sequence.Count < 4)
        {
            return;
        }

        CausalSwing sa = _sequence[^4], sb = _sequence[^3], sc = _sequence[^2], sd = _sequence[^1];
        if (sb.Row == _lastCandidateRow)
        {
            return;
        }

        double a = sa.Level, b = sb.Level, c = sc.Level, d = sd.Level;
        var bull = sa.Direction == -1 && sb.Direction == 1 && sc.Direction == -1 && sd.Direction == 1;
        var bear = sa.Direction == 1 && sb.Direction == -1 && sc.Direction == 1 && sd.Direction == -1;
        var bos = bull && a < c && c < b && b < d ? 1 : bear && a > c && c > b && b > d ? -1 : 0;
        var choch = bull && d > b && b > a && a > c ? 1 : bear && d < b && b < a && a < c ? -1 : 0;
        if (bos == 0 && choch == 0)
        {
            return;
        }

        _lastCandidateRow = sb.Row;
        // Checked against every candle seen so far on the next pass over _pending.
        _pending.Add(new Candidate(sb.Row, choch != 0, bos != 0 ? bos : choch, (float)b, -1));
    }

    private int FirstBreak(Candidate c, int r)
    {
        var from = Math.Max(c.Row + 2, c.Checked + 1);
        for (var j = from; j <= r; j++)
        {
            if (c.Direction == 1 ? _up[j] > c.Level : _down[j] < c.Level)
            {
                return j;
            }
        }

        c.Checked = r;
        return -1;
    }

    private void Broke(Candidate c, int r, DateTime time)
    {
        // Standing signals are in row order with strictly increasing BrokenRow (each break clears the earlier ones at or
        // after it). Any later-row signal that broke at or before c's break leads, through the signals that superseded
        // it, to a standing one; so the first standing signal after c decides whether c is superseded already.
        var at = FirstStandingAfter(c.Row);
        if (at < _standing.Count && _standing[at].BrokenRow <= c.BrokenRow)
        {
            _events.Add(Event(BosChochEventKind.Superseded, c, r, time));
            return;
        }

        while (at > 0 && _standing[at - 1].BrokenRow >= c.BrokenRow)
        {
            _events.Add(Event(BosChochEventKind.Superseded, _standing[at - 1], r, time));
            _standing.RemoveAt(--at);
        }

        _standing.Insert(at, c);
        _events.Add(Event(BosChochEventKind.Formed, c, r, time));
    }

    private int FirstStandingAfter(int row)
    {
        int lo = 0, hi = _standing.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_standing[mid].Row > row)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static CausalBosChochEvent Event(BosChochEventKind kind, Candidate c, int r, DateTime time) =>
        new(kind, c.Row, c.IsChoch, c.Direction, c.Level, c.BrokenRow, r, time);

    private sealed record Candidate(int Row, bool IsChoch, int Direction, float Level, int BrokenRow)
    {
        public int Checked { get; set; } = -1;
    }
}
