namespace Ict.Indicators.Smc;

/// <summary>One of smc's two order-block passes (bullish or bearish), written once for both directions.</summary>
internal sealed class OrderBlockPass
{
    private readonly OhlcvSeries _s;
    private readonly OrderBlockState _st;
    private readonly bool _closeMitigation;

    public OrderBlockPass(OhlcvSeries series, OrderBlockState state, bool closeMitigation)
    {
        _s = series;
        _st = state;
        _closeMitigation = closeMitigation;
    }

    public void Run(SwingResult swings, bool bullish)
    {
        var n = _s.Count;
        var wanted = bullish ? 1.0 : -1.0;
        // smc scans a list of active blocks on every candle. Blocks never interact and one block never appears twice in a
        // pass, so two heaps give the same result: live blocks ordered by the edge that makes them breakers, breakers by the
        // edge that deletes them (max-heaps are stored with negated priorities).
        var live = new PriorityQueue<int, float>();
        var breakers = new PriorityQueue<int, float>();
        var lastSwing = -1;
        for (var i = 0; i < n; i++)
        {
            Update(live, breakers, i, bullish);
            // The last swing of this type with row < i (smc: searchsorted left on the swing rows).
            if (i > 0 && swings.HighLow[i - 1] == wanted)
            {
                lastSwing = i - 1;
            }

            if (lastSwing < 0 || _st.Crossed[lastSwing])
            {
                continue;
            }

            var triggered = bullish ? _s.Closes[i] > _s.Highs[lastSwing] : _s.Closes[i] < _s.Lows[lastSwing];
            if (triggered)
            {
                _st.Crossed[lastSwing] = true;
                var row = Create(i, lastSwing, bullish);
                // A row that was a breaker before (a deleted block, or the bullish block a bearish one overwrites) stays one.
                if (_st.Breaker[row])
                {
                    breakers.Enqueue(row, DeleteKey(row, bullish));
                }
                else
                {
                    live.Enqueue(row, bullish ? -_st.Bottom[row] : _st.Top[row]);
                }
            }
        }
    }

    private float DeleteKey(int row, bool bullish) => bullish ? _st.Top[row] : -_st.Bottom[row];

    private void Update(PriorityQueue<int, float> live, PriorityQueue<int, float> breakers, int i, bool bullish)
    {
        // Breakers from earlier candles first: a block that becomes a breaker on this candle is not deleted on it.
        while (breakers.TryPeek(out var idx, out _) && (bullish ? _s.Highs[i] > _st.Top[idx] : _s.Lows[i] < _st.Bottom[idx]))
        {
            breakers.Dequeue();
            _st.Reset(idx);
        }

        var o = _s.Opens[i];
        var c = _s.Closes[i];
        var price = bullish ? (_closeMitigation ? Math.Min(o, c) : _s.Lows[i]) : (_closeMitigation ? Math.Max(o, c) : _s.Highs[i]);
        var newBreakers = new List<int>();
        while (live.TryPeek(out var idx, out _) && (bullish ? price < _st.Bottom[idx] : price > _st.Top[idx]))
        {
            live.Dequeue();
            _st.Breaker[idx] = true;
            _st.Mitigated[idx] = bullish ? i - 1 : i;
            newBreakers.Add(idx);
        }

        foreach (var idx in newBreakers)
        {
            breakers.Enqueue(idx, DeleteKey(idx, bullish));
        }
    }

    private int Create(int i, int swing, bool bullish)
    {
        var h = _s.Highs;
        var l = _s.Lows;
        var obIndex = i - 1;
        // The fallback: bullish is inverted (top = low, bottom = high), bearish is not.
        double top = bullish ? l[obIndex] : h[obIndex];
        double bottom = bullish ? h[obIndex] : l[obIndex];
        if (i - swing > 1)
        {
            var best = swing + 1;
            for (var k = swing + 2; k < i; k++)
            {
                if (bullish ? l[k] <= l[best] : h[k] >= h[best])
                {
                    best = k;
                }
            }

            obIndex = best;
            top = h[best];
            bottom = l[best];
        }

        var v = _s.Volumes;
        var v0 = v[i];
        var v1 = i >= 1 ? v[i - 1] : 0.0;
        var v2 = i >= 2 ? v[i - 2] : 0.0;
        _st.Ob[obIndex] = bullish ? 1 : -1;
        _st.Top[obIndex] = (float)top;
        _st.Bottom[obIndex] = (float)bottom;
        _st.Volume[obIndex] = (float)(v0 + v1 + v2);
        var high = (float)(bullish ? v0 + v1 : v2);
        var low = (float)(bullish ? v2 : v0 + v1);
        _st.HighVolume[obIndex] = high;
        _st.LowVolume[obIndex] = low;
        // Python's max(high, low) / min(high, low): the first argument unless the second is strictly greater (smaller),
        // which only differs from Math.Max/Min when a volume is NaN.
        var max = low > high ? low : high;
        var min = low < high ? low : high;
        _st.Percentage[obIndex] = max != 0f ? min / max * 100f : 100f;
        return obIndex;
    }
}
