namespace Ict.Indicators.Smc.Causal;

/// <summary>
/// The causal version of <see cref="OrderBlocks"/>, built on <see cref="CausalSwingDetector"/>: fed one closed candle at a
/// time, it emits each order block when its trigger candle closes, then its mitigation and deletion as they happen.
/// </summary>
/// <remarks>
/// <para>The rules are smc's (zone, float32 edges, volumes, the inverted bullish fallback, the i-1 bullish MitigatedIndex,
/// breaker deletion), with two differences by construction:</para>
/// <list type="bullet">
/// <item>The trigger tests the latest swing <b>confirmed so far</b> (L candles after its row) instead of the latest swing row,
/// so a close beyond a swing within L candles of it is seen only once the swing is confirmed, and a swing later replaced by a
/// more extreme one of its type can trigger before the replacement. The batch uses the final swings, known only later.</item>
/// <item>Bullish and bearish blocks are kept apart: smc's two sequential passes share per-row arrays, so a bearish block on a
/// bullish block's row overwrites it and inherits its breaker flag; here both live.</item>
/// </list>
/// <para>The history of highs and lows since the oldest swing still able to trigger is kept (all rows, for simplicity).</para>
/// </remarks>
public sealed class CausalOrderBlockDetector
{
    private readonly bool _closeMitigation;
    private readonly CausalSwingDetector _swings;
    private readonly List<double> _highs = [];
    private readonly List<double> _lows = [];
    private readonly List<double> _volumes = [];
    private readonly List<Block> _active = [];
    private readonly List<CausalOrderBlockEvent> _events = [];
    private Trigger? _lastHigh;
    private Trigger? _lastLow;

    /// <summary>Creates a detector.</summary>
    /// <param name="swingLength">smc's <c>swing_length</c> for the underlying swings.</param>
    /// <param name="closeMitigation">smc's <c>close_mitigation</c>: mitigate on the body instead of the wick.</param>
    public CausalOrderBlockDetector(int swingLength = 50, bool closeMitigation = false)
    {
        _swings = new CausalSwingDetector(swingLength);
        _closeMitigation = closeMitigation;
    }

    /// <summary>The number of candles seen; the next candle gets this row number.</summary>
    public int Count => _swings.Count;

    /// <summary>Feeds the next closed candle and returns the events it confirms (valid until the next call).</summary>
    /// <param name="bar">The candle.</param>
    public IReadOnlyList<CausalOrderBlockEvent> Add(in OhlcvBar bar)
    {
        _events.Clear();
        var i = Count;
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        _volumes.Add(bar.Volume);
        Update(bar, i);
        foreach (var s in _swings.Add(bar))
        {
            if (s.Direction == 1)
            {
                _lastHigh = new Trigger(s.Row, s.Level);
            }
            else
            {
                _lastLow = new Trigger(s.Row, s.Level);
            }
        }

        if (_lastHigh is { Crossed: false } high && bar.Close > high.Level)
        {
            high.Crossed = true;
            Create(bar, i, high.Row, bullish: true);
        }

        if (_lastLow is { Crossed: false } low && bar.Close < low.Level)
        {
            low.Crossed = true;
            Create(bar, i, low.Row, bullish: false);
        }

        return _events;
    }

    private void Update(in OhlcvBar bar, int i)
    {
        for (var k = 0; k < _active.Count; k++)
        {
            var b = _active[k];
            var bullish = b.Direction == 1;
            if (b.MitigatedIndex >= 0)
            {
                if (bullish ? bar.High > b.Top : bar.Low < b.Bottom)
                {
                    _events.Add(Event(OrderBlockEventKind.Deleted, b, i, bar.Time));
                    _active.RemoveAt(k--);
                }

                continue;
            }

            var through = bullish
                ? (_closeMitigation ? Math.Min(bar.Open, bar.Close) : bar.Low) < b.Bottom
                : (_closeMitigation ? Math.Max(bar.Open, bar.Close) : bar.High) > b.Top;
            if (through)
            {
                b.MitigatedIndex = bullish ? i - 1 : i;
                _events.Add(Event(OrderBlockEventKind.Mitigated, b, i, bar.Time));
            }
        }
    }

    private void Create(in OhlcvBar bar, int i, int swing, bool bullish)
    {
        var row = i - 1;
        double top = bullish ? _lows[row] : _highs[row];
        double bottom = bullish ? _highs[row] : _lows[row];
        if (i - swing > 1)
        {
            row = swing + 1;
            for (var k = swing + 2; k < i; k++)
            {
                if (bullish ? _lows[k] <= _lows[row] : _highs[k] >= _highs[row])
                {
                    row = k;
                }
            }

            top = _highs[row];
            bottom = _lows[row];
        }

        var v0 = _volumes[i];
        var v1 = i >= 1 ? _volumes[i - 1] : 0.0;
        var v2 = i >= 2 ? _volumes[i - 2] : 0.0;
        var high = (float)(bullish ? v0 + v1 : v2);
        var low = (float)(bullish ? v2 : v0 + v1);
        var max = Math.Max(high, low);
        var block = new Block(row, bullish ? 1 : -1, (float)top, (float)bottom, (float)(v0 + v1 + v2), max != 0f ? Math.Min(high, low) / max * 100f : 100f);
        _active.Add(block);
        _events.Add(Event(OrderBlockEventKind.Formed, block, i, bar.Time));
    }

    private static CausalOrderBlockEvent Event(OrderBlockEventKind kind, Block b, int i, DateTime time) =>
        new(kind, b.Row, b.Direction, b.Top, b.Bottom, b.Volume, b.Percentage, Math.Max(b.MitigatedIndex, 0), i, time);

    private sealed class Trigger(int row, double level)
    {
        public int Row { get; } = row;

        public double Level { get; } = level;

        public bool Crossed { get; set; }
    }

    private sealed class Block(int row, int direction, float top, float bottom, float volume, float percentage)
    {
        public int Row { get; } = row;

        public int Direction { get; } = direction;

        public float Top { get; } = top;

        public float Bottom { get; } = bottom;

        public float Volume { get; } = volume;

        public float Percentage { get; } = percentage;

        public int MitigatedIndex { get; set; } = -1;
    }
}
