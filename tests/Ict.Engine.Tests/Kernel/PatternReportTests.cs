using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Kernel;

public sealed class PatternReportTests
{
    private static readonly Pattern Block = new("ob:BTCUSDT:15m:1:bullish", PatternKind.OrderBlock, Direction.Bullish, Btc, M15, 101m, 99m, T0, T0);

    [Fact]
    public void Reports_DetectionUpdatesEndAndReturn_AreDetectedUpdatedUpdatedDetected()
    {
        var touched = Block with { Touches = 1 };
        var ended = touched with { State = PatternState.Invalidated, EndReason = "closed_through", EndedTime = T0 };
        var strategy = new ReportingStrategy([Block, touched, ended, Block]);
        using var harness = new KernelHarness([("s", strategy)], new FixedQuantityRisk(1m));

        for (var i = 0; i < 4; i++)
        {
            harness.Kernel.OnCandle(Candle(i, 100m, 100m, 100m, 100m));
        }

        var events = harness.Events.All.Where(e => e is OrderBlockDetected or PatternUpdated).ToList();
        Assert.Collection(
            events,
            e => Assert.Same(Block, Assert.IsType<OrderBlockDetected>(e).Pattern),
            e => Assert.Same(touched, Assert.IsType<PatternUpdated>(e).Pattern),
            e => Assert.Same(ended, Assert.IsType<PatternUpdated>(e).Pattern),
            e => Assert.Same(Block, Assert.IsType<OrderBlockDetected>(e).Pattern)); // reported again after it ended
        Assert.Equal(2, harness.Statistics.Patterns); // counted through the direct call, once per detection
    }

    [Fact]
    public void ASinkThatWantsNoPatternEvents_GetsNone_WhileOthersDo()
    {
        var quiet = new QuietSink();
        var strategy = new ReportingStrategy([Block]);
        using var harness = new KernelHarness([("s", strategy)], new FixedQuantityRisk(1m), extraSinks: [quiet]);

        harness.Kernel.OnCandle(Candle(0, 100m, 100m, 100m, 100m));

        Assert.Single(harness.Events.Of<OrderBlockDetected>());
        Assert.DoesNotContain(quiet.All, e => e is OrderBlockDetected or PatternUpdated);
    }

    /// <summary>Reports the n-th given pattern on the n-th candle.</summary>
    private sealed class ReportingStrategy(Pattern[] reports) : IStrategy
    {
        private int _count;

        public void OnCandle(Candle candle, IStrategyContext context)
        {
            if (_count < reports.Length)
            {
                context.ReportPattern(reports[_count]);
            }

            _count++;
        }
    }

    private sealed class QuietSink : IEventSink
    {
        public List<EngineEvent> All { get; } = [];

        public bool WantsPatternEvents => false;

        public void Handle(EngineEvent engineEvent) => All.Add(engineEvent);
    }
}
