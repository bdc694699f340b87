using Ict.Abstractions;
using Ict.Strategies.ObFvg;

namespace Ict.Strategies.Tests.ObFvg;

/// <summary>
/// Hand-built sequences: 18 flat candles at 100, then a bearish P (100 → 98, range 97–101) and a strong bullish C
/// (98 → 104, range 97.5–104.5, body 6 / range 7 ≈ 0.857) on candles 19 and 20 make a bullish order block 97–101,
/// detected on candle 20. Candle 21 then closes inside it.
/// </summary>
public sealed class ObFvgStrategyTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Interval M15 = Interval.Parse("15m");
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CloseInsideABullishOrderBlock_RaisesALong_WithTheSeedStopAndTarget()
    {
        var (strategy, context) = Setup(new ObFvgStrategyOptions());

        Feed(strategy, context, BullishOrderBlockThenPullback(pullbackClose: 100m));

        var signal = Assert.Single(context.Signals);
        Assert.Equal(PositionSide.Long, signal.Side);
        Assert.Equal(100m, signal.EntryPrice);
        Assert.Equal(97m * 0.998m, signal.StopLoss);
        Assert.Equal(100m * 1.01m, signal.TakeProfit);
        Assert.Equal(0.7, signal.Confidence);
        Assert.Equal([$"ob:BTCUSDT:15m:{T0.AddMinutes(15 * 18).ToUnixTimeMilliseconds()}:bullish"], signal.PatternIds);
        Assert.Contains(context.Patterns, p => p.Kind == PatternKind.OrderBlock && p.Top == 101m && p.Bottom == 97m);
    }

    [Fact]
    public void TakeProfitInRrMode_IsEntryPlusTheRatioTimesTheRisk()
    {
        var (strategy, context) = Setup(new ObFvgStrategyOptions { Entry = new EntrySettings { TakeProfit = TakeProfitMode.Rr, DefaultRrRatio = 2m } });

        Feed(strategy, context, BullishOrderBlockThenPullback(pullbackClose: 100m));

        var signal = Assert.Single(context.Signals);
        var risk = 100m - (97m * 0.998m);
        Assert.Equal(100m + (2m * risk), signal.TakeProfit);
    }

    [Fact]
    public void CloseOutsideTheZone_RaisesNothing()
    {
        var (strategy, context) = Setup(new ObFvgStrategyOptions());

        Feed(strategy, context, BullishOrderBlockThenPullback(pullbackClose: 102m));

        Assert.Empty(context.Signals);
    }

    [Fact]
    public void WhenAPositionIsOpen_NoSignalIsRaised_ButPatternsAreStillReported()
    {
        var (strategy, context) = Setup(new ObFvgStrategyOptions());
        context.OpenPosition = new PositionView(Btc, PositionSide.Short, 1m, 100m, 105m, 90m, 1, T0, 100m, 0m, "x");

        Feed(strategy, context, BullishOrderBlockThenPullback(pullbackClose: 100m));

        Assert.Empty(context.Signals);
        Assert.NotEmpty(context.Patterns);
    }

    [Fact]
    public void SameDirectionGapContainingTheClose_IsConfluence_AndRaisesConfidence()
    {
        var (strategy, context) = Setup(new ObFvgStrategyOptions());
        var candles = Flat(20);                          // indices 0–19, the last is c1 (high 100.05)
        candles.Add(C(20, 100m, 103.2m, 99.9m, 103m));    // c2
        candles.Add(C(21, 103m, 104m, 102m, 103.5m));     // c3: bullish gap 100.05–102 (1.9% of 103.5)
        candles.Add(C(22, 103.5m, 103.6m, 103.4m, 103.5m));
        candles.Add(C(23, 103.5m, 103.6m, 101.5m, 101.6m)); // P: bearish; fills the gap to 25.6%
        candles.Add(C(24, 101.6m, 104.6m, 101.55m, 104.5m)); // C: body 2.9 / range 3.05 → bullish OB 101.5–103.6
        candles.Add(C(25, 102.4m, 103.2m, 101.7m, 101.8m)); // closes at 101.8: inside the OB and inside the gap

        Feed(strategy, context, candles);

        var signal = Assert.Single(context.Signals);
        Assert.Equal(PositionSide.Long, signal.Side);
        Assert.Equal(0.9, signal.Confidence);
        Assert.Equal(101.5m * 0.998m, signal.StopLoss);
        Assert.Equal(2, signal.PatternIds.Count);
        Assert.StartsWith("fvg:BTCUSDT:15m:", signal.PatternIds[1], StringComparison.Ordinal);
        Assert.Contains("FVG confluence", signal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HigherTimeframeFeed_Falling_SuppressesTheLong_Rising_AllowsIt()
    {
        var options = new ObFvgStrategyOptions { HigherTimeframe = new HigherTimeframeSettings { Interval = "1h", Source = HigherTimeframeSource.Feed } };

        var (falling, fallingContext) = Setup(options);
        falling.OnCandle(new Candle(Btc, Interval.Parse("1h"), T0.AddHours(-2), 110m, 111m, 104m, 105m, 1m), fallingContext);
        falling.OnCandle(new Candle(Btc, Interval.Parse("1h"), T0.AddHours(-1), 105m, 106m, 99m, 100m, 1m), fallingContext);
        Feed(falling, fallingContext, BullishOrderBlockThenPullback(pullbackClose: 100m));
        Assert.Empty(fallingContext.Signals);

        var (rising, risingContext) = Setup(options);
        rising.OnCandle(new Candle(Btc, Interval.Parse("1h"), T0.AddHours(-2), 95m, 99m, 94m, 98m, 1m), risingContext);
        rising.OnCandle(new Candle(Btc, Interval.Parse("1h"), T0.AddHours(-1), 98m, 101m, 97m, 100m, 1m), risingContext);
        Feed(rising, risingContext, BullishOrderBlockThenPullback(pullbackClose: 100m));
        Assert.Contains("1h rising", Assert.Single(risingContext.Signals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HigherTimeframeAggregate_RisingHour_AllowsTheLong()
    {
        var options = new ObFvgStrategyOptions { HigherTimeframe = new HigherTimeframeSettings { Interval = "1h" } };
        var (strategy, context) = Setup(options);

        // The strong candle (index 19, 04:45) completes the 04:00 hour at 104, above the 03:00 hour's 100.
        Feed(strategy, context, BullishOrderBlockThenPullback(pullbackClose: 100m));

        Assert.Contains("1h rising", Assert.Single(context.Signals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HigherTimeframeAggregate_UnchangedHourlyClose_AllowsNoEntry()
    {
        var options = new ObFvgStrategyOptions { HigherTimeframe = new HigherTimeframeSettings { Interval = "1h" } };
        var (strategy, context) = Setup(options);

        // Shifted by two quarter hours: the last completed hour (04:00, indices 16–19) is flat like the one before.
        Feed(strategy, context, BullishOrderBlockThenPullback(pullbackClose: 100m, offset: 2));

        Assert.Empty(context.Signals);
    }

    private static List<Candle> BullishOrderBlockThenPullback(decimal pullbackClose, int offset = 0)
    {
        var candles = Flat(18, offset);
        candles.Add(C(offset + 18, 100m, 101m, 97m, 98m));     // P: bearish, 97–101
        candles.Add(C(offset + 19, 98m, 104.5m, 97.5m, 104m)); // C: body 6 / range 7 > 0.7, bullish → order block 97–101
        // A weak bearish pullback (body 1 / range 2.5) so that it makes no order block of its own.
        candles.Add(C(offset + 20, pullbackClose + 1m, pullbackClose + 2m, pullbackClose - 0.5m, pullbackClose));
        return candles;
    }

    private static List<Candle> Flat(int count, int offset = 0) =>
        Enumerable.Range(offset, count).Select(i => C(i, 100m, 100.05m, 99.95m, 100m)).ToList();

    private static Candle C(int index, decimal open, decimal high, decimal low, decimal close) =>
        new(Btc, M15, T0.AddMinutes(15 * index), open, high, low, close, 1m);

    private static (ObFvgStrategy Strategy, RecordingContext Context) Setup(ObFvgStrategyOptions options)
    {
        var strategy = new ObFvgStrategy();
        strategy.Configure(options);
        return (strategy, new RecordingContext());
    }

    private static void Feed(ObFvgStrategy strategy, RecordingContext context, IEnumerable<Candle> candles)
    {
        foreach (var candle in candles)
        {
            context.Now = candle.CloseTime;
            strategy.OnCandle(candle, context);
        }
    }
}
