using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Strategies.ObFvg;

/// <summary>
/// The ICT Auto Trader seed strategy. On every closed candle it updates the order blocks and fair value gaps of the
/// candle's symbol (see <see cref="ObFvgDetector"/>), reports every detection and lifecycle change, and, when no
/// position is open on the symbol, enters long when the close lies inside a valid bullish order block or short when
/// it lies inside a valid bearish one (bullish first, oldest zone first). A valid same-direction fair value gap
/// containing the close is recorded as confluence and raises the confidence. Stop: the zone's far edge with a
/// buffer; target: a percentage from the entry, or a reward-to-risk multiple. With a higher timeframe configured,
/// an entry is raised only when that timeframe's bias agrees (see <see cref="HigherTimeframeSettings"/>).
/// </summary>
[IctPlugin("ict.ob-fvg", PluginKind.Strategy, "1.0.0", PluginApi.Version)]
public sealed class ObFvgStrategy : IStrategy, IConfigurable<ObFvgStrategyOptions>
{
    private readonly Dictionary<(Symbol, Interval), ObFvgDetector> _detectors = [];
    private (Symbol, Interval) _lastKey;
    private ObFvgDetector? _lastDetector;
    private readonly Dictionary<Symbol, HigherTimeframeBias> _bias = [];
    private readonly List<Pattern> _changes = [];
    private Interval? _higherInterval;
    private ObFvgStrategyOptions _options = new();
    private ObFvgOptions _detectorOptions = new();

    /// <inheritdoc/>
    public void Configure(ObFvgStrategyOptions options)
    {
        _options = options;
        _detectorOptions = new ObFvgOptions
        {
            HistoryCandles = options.HistoryCandles,
            MinCandles = options.MinCandles,
            MinBodyRatio = options.OrderBlock.MinBodyRatio,
            ObMaxTouches = options.OrderBlock.MaxTouches,
            ObMaxAgeCandles = options.OrderBlock.MaxAgeCandles,
            FvgMinGapPercent = options.Fvg.MinGapPercent,
            FvgMaxAgeCandles = options.Fvg.MaxAgeCandles,
        };
        _detectorOptions.Validate();
        _higherInterval = options.HigherTimeframe.Interval is { } code ? Interval.Parse(code) : null;
    }

    /// <inheritdoc/>
    public void OnCandle(Candle candle, IStrategyContext context)
    {
        var bias = BiasFor(candle.Symbol);
        if (bias is not null && candle.Interval == bias.Interval)
        {
            bias.OnHigherCandle(candle); // higher-timeframe candles only move the bias
            return;
        }

        bias?.OnBaseCandle(candle);
        var detector = DetectorFor(candle);

        _changes.Clear(); // reused: a candle with changes allocates no list
        detector.Update(candle, _changes);
        for (var i = 0; i < _changes.Count; i++)
        {
            context.ReportPattern(_changes[i]);
        }

        if (context.GetPosition(candle.Symbol) is not null)
        {
            return;
        }

        var signal = TryEnter(detector, candle, Direction.Bullish) ?? TryEnter(detector, candle, Direction.Bearish);
        if (signal is null)
        {
            return;
        }

        if (bias is not null)
        {
            var wanted = signal.Side == PositionSide.Long ? Direction.Bullish : Direction.Bearish;
            if (bias.Direction != wanted)
            {
                return; // the higher timeframe does not agree
            }

            signal = signal with { Reason = $"{signal.Reason}; {bias.Interval} {(wanted == Direction.Bullish ? "rising" : "falling")}" };
        }

        context.Signal(signal);
    }

    // One series' candles usually follow each other: a repeat reuses the last detector without hashing its key.
    private ObFvgDetector DetectorFor(Candle candle)
    {
        var key = (candle.Symbol, candle.Interval);
        if (_lastDetector is not null && key.Equals(_lastKey))
        {
            return _lastDetector;
        }

        if (!_detectors.TryGetValue(key, out var detector))
        {
            detector = new ObFvgDetector(candle.Symbol, candle.Interval, _detectorOptions);
            _detectors.Add(key, detector);
        }

        _lastKey = key;
        _lastDetector = detector;
        return detector;
    }

    private HigherTimeframeBias? BiasFor(Symbol symbol)
    {
        if (_higherInterval is not { } interval)
        {
            return null;
        }

        if (!_bias.TryGetValue(symbol, out var bias))
        {
            bias = new HigherTimeframeBias(interval, _options.HigherTimeframe.Source);
            _bias.Add(symbol, bias);
        }

        return bias;
    }

    private EntrySignal? TryEnter(ObFvgDetector detector, Candle candle, Direction direction)
    {
        var price = candle.Close;
        // The detector's lookup builds no list: nothing is allocated on a candle without an entry.
        var block = detector.FindActive(PatternKind.OrderBlock, direction, price);
        if (block is null)
        {
            return null;
        }

        var gap = detector.FindActive(PatternKind.FairValueGap, direction, price);

        var entry = _options.Entry;
        var buffer = entry.StopBufferPercent / 100m;
        var isLong = direction == Direction.Bullish;
        var stop = isLong ? block.Bottom * (1 - buffer) : block.Top * (1 + buffer);
        var target = entry.TakeProfit == TakeProfitMode.Rr
            ? (isLong ? price + (entry.DefaultRrRatio * (price - stop)) : price - (entry.DefaultRrRatio * (stop - price)))
            : (isLong ? price * (1 + (entry.TakeProfitPercent / 100m)) : price * (1 - (entry.TakeProfitPercent / 100m)));

        return new EntrySignal(candle.Symbol, isLong ? PositionSide.Long : PositionSide.Short, price, stop, target)
        {
            Confidence = gap is null ? entry.BaseConfidence : entry.FvgConfluenceConfidence,
            Reason = gap is null
                ? $"close inside {(isLong ? "bullish" : "bearish")} order block"
                : $"close inside {(isLong ? "bullish" : "bearish")} order block + FVG confluence",
            PatternIds = gap is null ? [block.Id] : [block.Id, gap.Id],
        };
    }
}
