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

    public void Observe(Candle candle)
    {
        if (!_states.TryGetValue(candle.Symbol, out var state))
        {
            state = new State(candle.Interval);
            _states.Add(candle.Symbol, state);
        }

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
            state.Atr = ((state.Atr!.Value * (Period - 1)) + trueRange) / Period;
        }
    }

    public decimal? Get(Symbol symbol) => _states.TryGetValue(symbol, out var state) ? state.Atr : null;

    private sealed class State(Interval interval)
    {
        public Interval Interval { get; } = interval;

        public decimal? PreviousClose { get; set; }

        public decimal Sum { get; set; }

        public decimal? Atr { get; set; }

        public int Count { get; set; }
    }
}
