namespace Ict.Indicators.Smc.Causal;

/// <summary>
/// The causal version of <see cref="Liquidity"/>, built on <see cref="CausalSwingDetector"/>: fed one closed candle at a time, it
/// groups each newly confirmed swing with an earlier one of the same type whose band holds it, and reports when the band is swept.
/// </summary>
/// <remarks>
/// <para>smc's grouping rule, done live: a swing that joins no group becomes an <i>anchor</i> with the band level ± band. A newly
/// confirmed swing joins the earliest anchor (in row order) whose band holds its level (inclusive) and that was not swept at or
/// before the new swing's row; otherwise it becomes an anchor itself. A group is reported once it has two members
/// (<see cref="LiquidityEventKind.Formed"/>), then on every change; Level is the mean of the members (summed in row order, float32)
/// and End the last member's row. Swept is the first candle after the anchor whose high reaches level + band (lows: low reaches
/// level − band). A group can form after its sweep, when a swing before the sweep is confirmed only after it.</para>
/// <para>When a member swing is replaced by a more extreme one (see <see cref="CausalSwing.ReplacesRow"/>) it leaves its group
/// (<see cref="LiquidityEventKind.Updated"/>, or <see cref="LiquidityEventKind.Dissolved"/> when only the anchor is left), and the
/// replacing swing is placed like any new one.</para>
/// <para>The band (what differs from the batch by construction): smc's band is <c>rangePercent</c> × (highest high − lowest low
/// of the <b>whole</b> series), which needs every future candle. Here each anchor's band is fixed when the anchor is confirmed,
/// from <c>priceRange</c> when given, else from the range of the candles seen so far (so it is narrower than smc's
/// early on and depends on how much history was fed). Passing the whole series' range as <c>priceRange</c> reproduces smc's band.</para>
/// <para>Agreement with the batch: with <c>priceRange</c> = the series' range, after the last candle the groups standing (formed
/// and not dissolved) equal <see cref="Liquidity.Compute"/> run on the same swings without smc's two artificial book-ends (which
/// depend on the whole series): same rows, Level, End and Swept. smc's own output also holds groups anchored on or joined by the
/// book-ends, which never appear here.</para>
/// <para>Memory: the last L+1 candles, and every anchor not yet closed (unswept, or swept after the newest confirmed swing).</para>
/// </remarks>
public sealed class CausalLiquidityDetector
{
    private readonly double _rangePercent;
    private readonly double? _priceRange;
    private readonly CausalSwingDetector _swings;
    private readonly double[] _highs;
    private readonly double[] _lows;
    private readonly Side _up = new(1);
    private readonly Side _down = new(-1);
    private readonly List<CausalLiquidityEvent> _events = [];
    private double _max = double.NegativeInfinity;
    private double _min = double.PositiveInfinity;

    /// <summary>Creates a detector.</summary>
    /// <param name="swingLength">smc's <c>swing_length</c> for the underlying swings.</param>
    /// <param name="rangePercent">smc's <c>range_percent</c> (default 0.01): the band's half-width as a fraction of the price range.</param>
    /// <param name="priceRange">A fixed price range for the band (smc uses the whole series' highest high − lowest low); null
    /// uses the range of the candles seen so far when each anchor is confirmed.</param>
    public CausalLiquidityDetector(int swingLength = 50, double rangePercent = 0.01, double? priceRange = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rangePercent);
        if (priceRange is { } range)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(range, nameof(priceRange));
        }

        _swings = new CausalSwingDetector(swingLength);
        _rangePercent = rangePercent;
        _priceRange = priceRange;
        _highs = new double[swingLength + 1];
        _lows = new double[swingLength + 1];
    }

    /// <summary>The number of candles seen; the next candle gets this row number.</summary>
    public int Count => _swings.Count;

    /// <summary>Feeds the next closed candle and returns the events it confirms (valid until the next call).</summary>
    /// <param name="bar">The candle.</param>
    public IReadOnlyList<CausalLiquidityEvent> Add(in OhlcvBar bar)
    {
        _events.Clear();
        var r = Count;
        _highs[r % _highs.Length] = bar.High;
        _lows[r % _lows.Length] = bar.Low;
        _max = Math.Max(_max, bar.High);
        _min = Math.Min(_min, bar.Low);
        Sweep(_up, bar.High, r, bar.Time);
        Sweep(_down, bar.Low, r, bar.Time);
        foreach (var swing in _swings.Add(bar))
        {
            var side = swing.Direction == 1 ? _up : _down;
            if (swing.ReplacesRow is { } replaced)
            {
                Withdraw(side, replaced, r, bar.Time);
            }

            Place(side, swing, r, bar.Time);
        }

        return _events;
    }

    private void Sweep(Side side, double price, int r, DateTime time)
    {
        // The heap holds unswept anchors by the price that sweeps them (negated for lows, so both pop the smallest first).
        var key = side.Direction == 1 ? price : -price;
        while (side.Unswept.TryPeek(out var anchor, out var threshold) && threshold <= key)
        {
            side.Unswept.Dequeue();
            if (anchor.Dead)
            {
                continue;
            }

            anchor.Swept = r;
            if (anchor.Count >= 2)
            {
                _events.Add(Event(LiquidityEventKind.Swept, side, anchor, r, time));
            }
        }
    }

    private void Withdraw(Side side, int row, int r, DateTime time)
    {
        // The replaced swing is the newest swing of all, so it is either the newest anchor or the last member of its group.
        var anchor = side.Latest ?? throw new InvalidOperationException($"swing {row} replaced, but no swing of its type is known");
        if (anchor.Row == row)
        {
            anchor.Dead = true;
            side.Open.Remove(anchor);
            return;
        }

        anchor.Members.RemoveAt(anchor.Members.Count - 1);
        anchor.Sum = anchor.Level;
        foreach (var (_, level) in anchor.Members)
        {
            anchor.Sum += level;
        }

        _events.Add(Event(anchor.Count >= 2 ? LiquidityEventKind.Updated : LiquidityEventKind.Dissolved, side, anchor, r, time));
    }

    private void Place(Side side, CausalSwing swing, int r, DateTime time)
    {
        for (var k = 0; k < side.Open.Count; k++)
        {
            var anchor = side.Open[k];
            if (anchor.Swept != 0 && anchor.Swept <= swing.Row)
            {
                // Swept at or before this swing: no later swing can join it either.
                side.Open.RemoveAt(k--);
                continue;
            }

            if (anchor.Low <= swing.Level && swing.Level <= anchor.High)
            {
                anchor.Members.Add((swing.Row, swing.Level));
                anchor.Sum += swing.Level;
                side.Latest = anchor;
                _events.Add(Event(anchor.Count == 2 ? LiquidityEventKind.Formed : LiquidityEventKind.Updated, side, anchor, r, time));
                return;
            }
        }

        var band = (_priceRange ?? (_max - _min)) * _rangePercent;
        var created = new Anchor(swing.Row, swing.Level, swing.Level - band, swing.Level + band);
        // The candles between the swing and its confirmation are known already; smc's Swept starts at the next row.
        for (var j = swing.Row + 1; j <= r; j++)
        {
            if (side.Direction == 1 ? _highs[j % _highs.Length] >= created.High : _lows[j % _lows.Length] <= created.Low)
            {
                created.Swept = j;
                break;
            }
        }

        if (created.Swept == 0)
        {
            side.Unswept.Enqueue(created, side.Direction == 1 ? created.High : -created.Low);
        }

        side.Open.Add(created);
        side.Latest = created;
    }

    private static CausalLiquidityEvent Event(LiquidityEventKind kind, Side side, Anchor a, int r, DateTime time) =>
        new(kind, a.Row, side.Direction, (float)(a.Sum / a.Count), a.Members.Count > 0 ? a.Members[^1].Row : a.Row, a.Swept, a.Count, r, time);

    private sealed class Side(int direction)
    {
        public int Direction { get; } = direction;

        /// <summary>Anchors that a later swing may still join, in row order.</summary>
        public List<Anchor> Open { get; } = [];

        public PriorityQueue<Anchor, double> Unswept { get; } = new();

        /// <summary>The anchor the newest swing of this type created or joined.</summary>
        public Anchor? Latest { get; set; }
    }

    private sealed class Anchor(int row, double level, double low, double high)
    {
        public int Row { get; } = row;

        public double Level { get; } = level;

        public double Low { get; } = low;

        public double High { get; } = high;

        public List<(int Row, double Level)> Members { get; } = [];

        public double Sum { get; set; } = level;

        public int Count => Members.Count + 1;

        public int Swept { get; set; }

        public bool Dead { get; set; }
    }
}
