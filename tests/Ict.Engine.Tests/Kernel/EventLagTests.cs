using Ict.Engine.Kernel;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Kernel;

public sealed class EventLagTests
{
    [Fact]
    public async Task Lag_is_measured_from_a_live_candles_close_and_from_a_replayed_candles_hand_over()
    {
        using var harness = new KernelHarness([], new FixedQuantityRisk(1m));
        var first = Candle(0, 99m, 101m, 98m, 100m);
        var wall = new FixedWall(first.CloseTime.AddSeconds(3)); // the live candle is handled 3 s after its close
        var loop = new EngineLoop(harness.Kernel, closePositionsAtEnd: false) { Wall = wall };

        Assert.Null(harness.Kernel.TakeSnapshot().EventLag);
        await loop.Writer.WriteAsync(new CandleInput(first));
        await loop.Writer.WriteAsync(new CandleInput(Candle(1, 99m, 101m, 98m, 100m)) { ReplayedAt = wall.Now.AddMilliseconds(-40) });
        await loop.Writer.WriteAsync(new EndOfDataInput());
        await loop.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var snapshot = harness.Kernel.TakeSnapshot();
        Assert.Equal(TimeSpan.FromMilliseconds(40), snapshot.EventLag); // the last one: a replayed candle, handed over 40 ms before
        Assert.Equal(TimeSpan.FromSeconds(3), snapshot.MaxEventLag);
    }

    private sealed class FixedWall(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
