using Ict.Abstractions;
using Ict.Indicators.Smc.Csv;
using Ict.Strategies.Confluence;

namespace Ict.Strategies.Tests.Confluence;

/// <summary>The strategy replayed over the smc EURUSD file (skipped when the shared data is absent).</summary>
public sealed class ConfluenceStrategyReplayTests
{
    private static readonly Symbol Eurusd = new("EURUSD");

    [SkippableFact]
    public void OnCandle_OverEurusd_RaisesSignalsWithStopAndTargetOnTheRightSides()
    {
        var context = Replay(Candles(), new ConfluenceOptions());

        Assert.NotEmpty(context.Signals);
        Assert.Contains(context.Signals, s => s.Side == PositionSide.Long);
        Assert.Contains(context.Signals, s => s.Side == PositionSide.Short);
        Assert.All(context.Signals, s =>
        {
            Assert.True(s.Side == PositionSide.Long ? s.StopLoss < s.EntryPrice && s.EntryPrice < s.TakeProfit : s.StopLoss > s.EntryPrice && s.EntryPrice > s.TakeProfit);
            Assert.True(s.Confidence >= 0.5, s.Reason);
            Assert.StartsWith("confluence ", s.Reason, StringComparison.Ordinal);
        });
        Assert.Contains(context.Patterns, p => p.Kind == PatternKind.OrderBlock);
        Assert.Contains(context.Patterns, p => p.Kind == PatternKind.BreakOfStructure);
    }

    [SkippableFact]
    public void OnCandle_FedOnlyAPrefix_RaisesTheSameSignalsForThatPrefix()
    {
        var candles = Candles();
        var full = Replay(candles, new ConfluenceOptions()).TimedSignals.Select(Key).ToList();
        var prefixCandles = candles.Take(6000).ToList();
        var prefix = Replay(prefixCandles, new ConfluenceOptions()).TimedSignals.Select(Key).ToList();

        Assert.NotEmpty(prefix);
        Assert.Equal(full.Where(s => s.Time <= prefixCandles[^1].CloseTime).ToList(), prefix);
    }

    [SkippableFact]
    public void OnCandle_WithAHigherThreshold_RaisesFewerSignals()
    {
        var candles = Candles();

        var loose = Replay(candles, new ConfluenceOptions { EntryThreshold = 3.5 }).Signals.Count;
        var strict = Replay(candles, new ConfluenceOptions { EntryThreshold = 6.0 }).Signals.Count;

        Assert.True(strict < loose, $"strict {strict}, loose {loose}");
    }

    private static (DateTimeOffset Time, PositionSide Side, decimal Entry, decimal Stop, decimal Target, string Reason) Key(
        (DateTimeOffset Time, EntrySignal Signal) s) =>
        (s.Time, s.Signal.Side, s.Signal.EntryPrice, s.Signal.StopLoss, s.Signal.TakeProfit, s.Signal.Reason);

    private static RecordingContext Replay(List<Candle> candles, ConfluenceOptions options)
    {
        var strategy = new ConfluenceStrategy();
        strategy.Configure(options);
        var context = new RecordingContext();
        foreach (var candle in candles)
        {
            context.Now = candle.CloseTime;
            strategy.OnCandle(candle, context);
        }

        return context;
    }

    private static List<Candle> Candles()
    {
        var path = SharedFile("smc/EURUSD_15M.csv");
        Skip.IfNot(File.Exists(path), $"shared data not found at {path}");
        var s = OhlcvCsvReader.ReadFile(path);
        var interval = Interval.Parse("15m");
        return [.. Enumerable.Range(0, s.Count).Select(i => new Candle(
            Eurusd, interval, new DateTimeOffset(s.Time[i], TimeSpan.Zero),
            (decimal)s.Open[i], (decimal)s.High[i], (decimal)s.Low[i], (decimal)s.Close[i], (decimal)s.Volume[i]))];
    }

    private static string SharedFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IctPlugins.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
            }
        }

        throw new InvalidOperationException("IctPlugins.sln not found above " + AppContext.BaseDirectory);
    }
}
