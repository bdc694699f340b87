using Ict.Engine.Configuration;
using Ict.Engine.Status;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Status;

public sealed class EngineSnapshotTests
{
    [Fact]
    public async Task A_finished_replay_leaves_a_last_snapshot_that_agrees_with_the_run_summary()
    {
        using var temp = new TempDirectory();
        var config = EngineConfig.Load(TestConfigs.ShippedIn(temp));
        using var log = new LogCollector();
        await using var host = EngineHost.Create(config, log.Logger);
        var published = new List<EngineSnapshot>();
        host.SnapshotPublished += s =>
        {
            lock (published)
            {
                published.Add(s);
            }
        };

        var summary = await host.RunAsync(CancellationToken.None);

        var last = host.Latest;
        Assert.NotNull(last);
        Assert.Same(last, published[^1]);
        Assert.Equal("paper", last.Mode);
        Assert.Equal(summary.RunId, last.RunId);
        Assert.Equal(summary.Candles, last.Trading.Counters.Candles);
        Assert.Equal(summary.Signals, last.Trading.Counters.Signals);
        Assert.Equal(summary.RejectedSignals, last.Trading.Counters.RejectedSignals);
        Assert.Equal(summary.Trades, last.Trading.Counters.Trades);
        Assert.Equal(summary.FinalBalance, Math.Round(last.Trading.Balance, 2));
        Assert.Empty(last.Trading.Positions); // the shipped config closes positions at the end of the replay
        Assert.Equal(last.Trading.Balance, last.Trading.Equity);
        Assert.Equal(5, last.Trading.TradesPerDayLimit); // engine.json: risk.settings.maxDailyTrades
        Assert.InRange(last.Trading.Signals.Count, 1, 50);
        Assert.True(last.Trading.Signals.Zip(last.Trading.Signals.Skip(1)).All(p => p.First.Time >= p.Second.Time), "signals are newest first");
        Assert.Contains(last.Trading.Patterns, p => p.Kind is "OB" or "FVG");
        var strategy = Assert.Single(last.Plugins, p => p.Id == "ict.ob-fvg");
        Assert.Equal(("strategy", "loaded"), (strategy.Kind, strategy.State));
        Assert.NotNull(strategy.LastReload);
        Assert.True(last.Uptime >= TimeSpan.Zero);
    }
}
