using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Tests.Support;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Kernel;

/// <summary>The engine's own refusals that the other kernel tests do not reach; each is stored with its reason.</summary>
public sealed class EngineRejectionTests
{
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m);

    [Fact]
    public void A_margin_above_the_free_balance_is_refused_as_InsufficientMargin()
    {
        Assert.Equal(RejectionReason.InsufficientMargin, RejectionFrom(new FixedQuantityRisk(1_000m)));
    }

    [Fact]
    public void A_paused_engine_refuses_entries_as_TradingPaused()
    {
        Assert.Equal(RejectionReason.TradingPaused, RejectionFrom(new FixedQuantityRisk(1m), pause: true));
    }

    [Fact]
    public void A_risk_manager_that_throws_refuses_the_signal_as_Other_and_reports_an_error()
    {
        using var harness = Run(new ThrowingRisk());

        Assert.Equal(RejectionReason.Other, Assert.Single(harness.Events.Of<SignalRejected>()).Reason);
        Assert.Contains("risk manager 'risk' threw", Assert.Single(harness.Events.Of<EngineError>()).Message, StringComparison.Ordinal);
    }

    private static RejectionReason RejectionFrom(IRiskManager risk, bool pause = false)
    {
        using var harness = Run(risk, pause);
        var rejected = Assert.Single(harness.Events.Of<SignalRejected>());
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False");
        harness.Store.Commit();
        var stored = Dapper.SqlMapper.ExecuteScalar<string>(db, "SELECT rejection_reason FROM signals");
        Assert.Equal(rejected.Reason.ToString(), stored);
        return rejected.Reason;
    }

    private static KernelHarness Run(IRiskManager risk, bool pause = false)
    {
        var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], risk);
        harness.Kernel.TradingPaused = pause;
        harness.Kernel.OnCandle(Candle(0, 99m, 101m, 98m, 100m));
        return harness;
    }

    private sealed class ThrowingRisk : IRiskManager
    {
        public RiskDecision Evaluate(EntrySignal signal, IRiskContext context) => throw new InvalidOperationException("bug");
    }
}
