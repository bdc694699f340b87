using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Kernel;

public sealed class KillSwitchTests
{
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m);

    [Fact]
    public void An_engaged_kill_switch_refuses_entries_with_KillSwitch_before_the_risk_manager_is_asked()
    {
        var risk = new FixedQuantityRisk(1m);
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], risk);

        harness.Kernel.OnKillSwitch(new KillSwitchInput(true, false, "test"));
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));

        var rejected = Assert.Single(harness.Events.Of<SignalRejected>());
        Assert.Equal(RejectionReason.KillSwitch, rejected.Reason);
        Assert.Equal(0, risk.Calls);
        Assert.True(Assert.Single(harness.Events.Of<KillSwitchChanged>()).Engaged);
    }

    [Fact]
    public void Engaging_with_flatten_closes_every_position_with_exit_reason_KillSwitch_and_release_allows_entries_again()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long, [3] = Long }))], new FixedQuantityRisk(1m));
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        harness.Kernel.OnCandle(Candle(1, 100m, 103m, 99m, 102m)); // fills at 100, marked at 102
        Assert.Single(harness.Portfolio.Positions);

        harness.Kernel.OnKillSwitch(new KillSwitchInput(true, true, "operator"));

        var trade = Assert.Single(harness.Events.Of<PositionClosed>()).Trade;
        Assert.Equal(ExitReason.KillSwitch, trade.ExitReason);
        Assert.Equal(102m, trade.ExitPrice);
        Assert.Empty(harness.Portfolio.Positions);

        harness.Kernel.OnCandle(Candle(2, 102m, 103m, 101m, 102m));
        harness.Kernel.OnKillSwitch(new KillSwitchInput(false, false, "operator"));
        harness.Kernel.OnCandle(Candle(3, 102m, 103m, 101m, 102m)); // the second signal

        Assert.Empty(harness.Events.Of<SignalRejected>());
        Assert.Equal(2, harness.Events.Of<EntrySignalRaised>().Count());
        Assert.Equal([true, false], harness.Events.Of<KillSwitchChanged>().Select(e => e.Engaged));
    }

    [Fact]
    public async Task The_kill_switch_can_be_flipped_at_runtime_through_the_kernel_channel()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [1] = Long }))], new FixedQuantityRisk(1m));
        var loop = new EngineLoop(harness.Kernel, closePositionsAtEnd: false);

        await loop.Writer.WriteAsync(new CandleInput(Candle(0, 99m, 101m, 98m, 100m)));
        await loop.Writer.WriteAsync(new KillSwitchInput(true, true, "runtime"));
        await loop.Writer.WriteAsync(new CandleInput(Candle(1, 99m, 101m, 98m, 100m)));
        await loop.Writer.WriteAsync(new EndOfDataInput());
        await loop.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(RejectionReason.KillSwitch, Assert.Single(harness.Events.Of<SignalRejected>()).Reason);
    }
}
