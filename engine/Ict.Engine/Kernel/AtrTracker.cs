using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>
/// Wilder's 14-candle average true range per symbol, updated by the kernel on every closed candle of the first
/// interval seen for that symbol (other intervals of the same symbol, such as a higher-timeframe feed, are ignored).
/// </summary>
internal sealed class AtrTracker
{
    private const int Period = 14;
    private readonly Dictionary<Symbol, State> _states = [];

    private Symbol _lastSymbol;
    private State? _lastState;

    public void Observe(Candle candle)
    {
        // One symbol's candles usually follow each other: skip the dictionary (and the string hash) for a repeat.
        var state = _lastState is not null && _lastSymbol == candle.Symbol ? _lastState : Lookup(candle);
        if (candle.Interval != state.Interval)
        {
            return;
        }

        var range = candle.High - candle.Low;
        var trueRange = state.PreviousClose is { } previous
            ? Math.Max(range, Math.Max(Math.Abs(candle.High - previous), Math.Abs(candle.Low - previous)))
            : range;
        state.PreviousClose = candle.Close;
        state.Count++;
        if (state.Count < Period)
        {
            state.Sum += trueRange;
        }
        else if (state.Count == Period)
        {
            state.Atr = (state.Sum + trueRange) / Period;
        }
        else
        {
            state.Defer(trueRange);
        }
    }

    public decimal? Get(Symbol symbol) => _states.TryGetValue(symbol, out var state) ? state.CurrentAtr() : null;

    private State Lookup(Candle candle)
    {
        if (!_states.TryGetValue(candle.Symbol, out var state))
        {
            state = new State(candle.Interval);
            _states.Add(candle.Symbol, state);
        }

        _lastSymbol = candle.Symbol;
        _lastState = state;
        return state;
    }

    private sealed class State(Interval interval)
    {
        // The smoothing step's decimal division is the costly part: the true ranges since the last read wait here
        // and are folded in, in order and with the same arithmetic, when the ATR is read or the buffer is full.
        private readonly decimal[] _pending = new decimal[64];
        private int _pendingCount;

        public Interval Interval { get; } = interval;

        public decimal? PreviousClose { get; set; }

        public decimal Sum { get; set; }

        public decimal? Atr { get; set; }

        public int Count { get; set; }

        public void Defer(decimal trueRange)
        {
            if (_pendingCount == _pending.Length)
            {
                Fold();
            }

            _pending[_pendingCount++] = trueRange;
        }

        public decimal? CurrentAtr()
        {
            Fold();
            return Atr;
        }

        private void Fold()
        {
            if (_pendingCount == 0)
            {
                return;
            }

            var atr = Atr!.Value;
            for (var i = 0; i < _pendingCount; i++)
            {
                atr = ((atr * (Period - 1)) + _pending[i]) / Period;
            }

            _pendingCount = 0;
            Atr = atr;
        }
    }
}
