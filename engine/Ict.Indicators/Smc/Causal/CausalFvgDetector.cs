namespace Ict.Indicators.Smc.Causal;

/// <summary>
/// The causal version of <see cref="Fvg"/>: fed one closed candle at a time, it emits each gap when it is confirmed and each
/// mitigation when it happens. No event ever depends on a candle that has not closed.
/// </summary>
/// <remarks>
/// <para>Timing: a gap on middle candle i is confirmed by candle i+1. With <c>joinConsecutive</c> it is confirmed one candle
/// later (i+2), when it is known whether the next candle continues the run; a run is emitted once, merged, on its last row.</para>
/// <para>Agreement with the batch: after the last candle, Formed events equal the batch FVG/Top/Bottom rows and Mitigated
/// events the non-zero MitigatedIndex values, with one difference by construction: with <c>joinConsecutive</c>, a gap on the
/// second-to-last row is not yet confirmed (the batch keeps it only because the last row can never hold a gap).</para>
/// </remarks>
public sealed class CausalFvgDetector
{
    private readonly bool _join;
    private readonly List<CausalFvgEvent> _events = [];
    private readonly List<Gap> _open = [];
    private OhlcvBar _b1;
    private OhlcvBar _b2;
    private Gap? _pending;

    /// <summary>Creates a detector.</summary>
    /// <param name="joinConsecutive">smc's <c>join_consecutive</c>.</param>
    public CausalFvgDetector(bool joinConsecutive = false)
    {
        _join = joinConsecutive;
    }

    /// <summary>The number of candles seen; the next candle gets this row number.</summary>
    public int Count { get; private set; }

    /// <summary>Feeds the next closed candle and returns the events it confirms (valid until the next call).</summary>
    /// <param name="bar">The candle.</param>
    public IReadOnlyList<CausalFvgEvent> Add(in OhlcvBar bar)
    {
        _events.Clear();
        var r = Count;
        var gap = r >= 2 ? Detect(_b2, _b1, bar, r - 1) : null;
        if (!_join)
        {
            if (gap is not null)
            {
                Emit(gap, bar, r);
            }
        }
        else
        {
            if (_pending is not null && gap is not null && gap.Direction == _pending.Direction)
            {
                gap = gap with { Top = Math.Max(_pending.Top, gap.Top), Bottom = Math.Min(_pending.Bottom, gap.Bottom) };
            }
            else if (_pending is not null)
            {
                Emit(_pending, bar, r);
            }

            _pending = gap;
        }

        Mitigate(bar, r);
        _b2 = _b1;
        _b1 = bar;
        Count++;
        return _events;
    }

    private static Gap? Detect(in OhlcvBar a, in OhlcvBar m, in OhlcvBar c, int row)
    {
        if (m.Close > m.Open && a.High < c.Low)
        {
            return new Gap(row, 1, c.Low, a.High);
        }

        return m.Close < m.Open && a.Low > c.High ? new Gap(row, -1, a.Low, c.High) : null;
    }

    private void Emit(Gap gap, in OhlcvBar bar, int r)
    {
        _events.Add(new CausalFvgEvent(FvgEventKind.Formed, gap.Row, gap.Direction, gap.Top, gap.Bottom, r, bar.Time));
        _open.Add(gap);
    }

    private void Mitigate(in OhlcvBar bar, int r)
    {
        var kept = 0;
        for (var k = 0; k < _open.Count; k++)
        {
            var g = _open[k];
            var touched = r >= g.Row + 2 && (g.Direction == 1 ? bar.Low <= g.Top : bar.High >= g.Bottom);
            if (touched)
            {
                _events.Add(new CausalFvgEvent(FvgEventKind.Mitigated, g.Row, g.Direction, g.Top, g.Bottom, r, bar.Time));
            }
            else
            {
                _open[kept++] = g;
            }
        }

        _open.RemoveRange(kept, _open.Count - kept);
    }

    private sealed record Gap(int Row, int Direction, double Top, double Bottom);
}
