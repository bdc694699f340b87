using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>
/// Wilder's 14-candle average true range per symbol, updated by the kernel on every closed candle of the first
/// interval seen for that symbol (other intervals of the same symbol, such as a higher-timeframe feed, are ignored).
/// <para>The true range is taken in decimal (exact differences of prices); the average is kept in double, as charting
/// packages do: it is a volatility estimate that feeds a leverage cap, not a price or a quantity, and a decimal
/// division on every candle of every symbol was the costliest step of the kernel's own work. It is handed out as a
/// decimal of double's 15 significant digits.</para>
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
        var trueRange = (double)(state.HasPrevious
            ? Math.Max(range, Math.Max(Math.Abs(candle.High - state.PreviousClose), Math.Abs(candle.Low - state.PreviousClose)))
            : range);
        state.PreviousClose = candle.Close;
        state.HasPrevious = true;
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
            state.Atr = ((state.Atr * (Period - 1)) + trueRange) / Period;
        }
    }

    public decimal? Get(Symbol symbol) => _states.TryGetValue(symbol, out var state) && state.Count >= Period ? (decimal)state.Atr : null;

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
        public Interval Interval { get; } = interval;

        public bool HasPrevious;

        public decimal PreviousClose;

        public double Sum;

        public double Atr;

        public int Count;
    }
}
