using Ict.Abstractions;

namespace Ict.Strategies.Confluence;

/// <summary>
/// Scores ICT confluence on every closed candle with the causal smc indicators only (no look-ahead): market-structure
/// alignment, order block, fair value gap, optimal trade entry zone and liquidity sweep, each with a configurable weight.
/// When no position is open and a direction scores at least the threshold (long checked first), it raises a signal with
/// the stop beyond the order block (or the last opposite swing) and the target at a reward/risk multiple.
/// </summary>
[IctPlugin("ict.confluence", PluginKind.Strategy, "1.0.0", PluginApi.Version)]
public sealed class ConfluenceStrategy : IStrategy, IConfigurable<ConfluenceOptions>
{
    private readonly Dictionary<(Symbol, Interval), ConfluenceState> _states = [];
    private ConfluenceOptions _options = new();

    /// <inheritdoc/>
    public void Configure(ConfluenceOptions options)
    {
        _options = options;
        _states.Clear();
    }

    /// <inheritdoc/>
    public void OnCandle(Candle candle, IStrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(candle);
        ArgumentNullException.ThrowIfNull(context);
        var key = (candle.Symbol, candle.Interval);
        if (!_states.TryGetValue(key, out var state))
        {
            state = new ConfluenceState(candle.Symbol, candle.Interval, _options);
            _states.Add(key, state);
        }

        foreach (var pattern in state.Update(candle))
        {
            context.ReportPattern(pattern);
        }

        if (context.GetPosition(candle.Symbol) is not null)
        {
            return;
        }

        var signal = TrySignal(state, candle, 1) ?? TrySignal(state, candle, -1);
        if (signal is not null)
        {
            context.Signal(signal);
        }
    }

    private EntrySignal? TrySignal(ConfluenceState state, Candle candle, int direction)
    {
        var price = (double)candle.Close;
        var score = state.Score(direction, price);
        var total = score.Total(_options);
        if (total < _options.EntryThreshold || state.StopFor(direction, price) is not { } stop)
        {
            return null;
        }

        var risk = Math.Abs(price - stop);
        if (risk <= 0)
        {
            return null;
        }

        var target = direction == 1 ? price + (_options.RewardRiskRatio * risk) : price - (_options.RewardRiskRatio * risk);
        return new EntrySignal(candle.Symbol, direction == 1 ? PositionSide.Long : PositionSide.Short, candle.Close, (decimal)stop, (decimal)target)
        {
            Confidence = Math.Clamp(total / _options.MaxScore, 0, 1),
            Reason = $"confluence {total:0.0}/{_options.MaxScore:0.0}: {score.Describe()}",
        };
    }
}
