using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Market;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Market;

public sealed class FundingScheduleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public void Load_RealFundingHistory_FloorsTimesToTheEightHourBoundary()
    {
        var path = RepoPaths.RequireShared("candles/XRPUSDT-8h-funding-rate.csv");
        var schedule = new FundingSchedule();
        var symbol = new Symbol("XRPUSDT");

        schedule.Load(symbol, path);
        var due = new List<(DateTimeOffset Time, decimal Rate)>();
        while (schedule.TryTakeDue(symbol, DateTimeOffset.MaxValue, out var time, out var rate))
        {
            due.Add((time, rate));
        }

        Assert.Equal(91, due.Count);
        Assert.Equal(new DateTimeOffset(2021, 11, 18, 0, 0, 0, TimeSpan.Zero), due[0].Time); // 1637193600017 → 00:00:00.000
        Assert.All(due, d => Assert.Equal(0, d.Time.ToUnixTimeMilliseconds() % (8 * 3600 * 1000)));
        Assert.Equal(70, due.Count(d => d.Rate == 0.0001m));
        Assert.Equal(-0.0021933400000000002m, due.Min(d => d.Rate)); // the file's exact value (a float artefact)
    }

    [Fact]
    public void Funding_IsChargedToTheLongOpenAtFundingTime_AndIncludedInTheTradesNetResult()
    {
        // Funding stamped 08:00:00.017 (floored to 08:00), rate 0.1%: due at the candle opening 08:00 (number 32);
        // the long (2 @ 101) is marked at the previous close, 102, then.
        var file = _temp.Write("funding.csv", $"time,rate\n{T0.AddHours(8).ToUnixTimeMilliseconds() + 17},0.001\n");
        var funding = new FundingSchedule();
        funding.Load(Btc, file);
        var signal = new EntrySignal(Btc, PositionSide.Long, 100m, 95m, 110m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = signal }))], new FixedQuantityRisk(2m), funding: funding);

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        for (var i = 1; i < 32; i++)
        {
            harness.Kernel.OnCandle(Candle(i, i == 1 ? 101m : 102m, 103m, 100m, 102m)); // entry at 101, then flat at 102
        }

        Assert.Empty(harness.Events.Of<FundingApplied>());
        harness.Kernel.OnCandle(Candle(32, 102m, 111m, 101m, 109m)); // funding 2 × 102 × 0.001 = 0.204, then target 110

        var applied = Assert.Single(harness.Events.Of<FundingApplied>());
        Assert.Equal(0.204m, applied.Paid);
        var trade = Assert.Single(harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal(18m, trade.GrossPnl);
        Assert.Equal(18m - 0.204m, trade.NetPnl);
        Assert.Equal(10_000m + 18m - 0.204m, harness.Portfolio.Balance);
    }

    [Fact]
    public void Funding_WithNoPositionOpen_ChargesNothing()
    {
        var file = _temp.Write("funding.csv", $"{T0.AddMinutes(15).ToUnixTimeMilliseconds()},0.01\n");
        var funding = new FundingSchedule();
        funding.Load(Btc, file);
        using var harness = new KernelHarness([("s", new ScriptedStrategy([]))], new FixedQuantityRisk(1m), funding: funding);

        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 101m, 99m, 100m));

        Assert.Empty(harness.Events.Of<FundingApplied>());
        Assert.Equal(10_000m, harness.Portfolio.Balance);
    }
}
