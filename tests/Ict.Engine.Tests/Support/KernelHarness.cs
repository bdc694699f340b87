using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.State;
using Ict.Engine.Trading;

namespace Ict.Engine.Tests.Support;

/// <summary>A kernel wired like EngineHost wires it, with test strategies and risk, on a real SQLite file.</summary>
internal sealed class KernelHarness : IDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Interval M15 = Interval.Parse("15m");
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    /// <param name="databasePath">An existing state file to reuse (a restart); default a new one in a temp folder.</param>
    /// <param name="account">Persist daily figures under this account key, as a live engine does; default none (a replay).</param>
    /// <param name="startingBalance">The run's opening balance (a live run's is the exchange wallet); default 10 000.</param>
    /// <param name="wall">The wall clock the order manager stamps an exchange order's intent with; default none.</param>
    public KernelHarness(IReadOnlyList<(string Id, IStrategy Strategy)> strategies, IRiskManager risk, PaperOptions? paper = null, Func<IOrderVenue, IOrderVenue>? wrapVenue = null,
        string? databasePath = null, string? account = null, Ict.Engine.Market.FundingSchedule? funding = null, TimeSpan? callBudget = null, decimal startingBalance = 10_000m,
        TimeProvider? wall = null, IReadOnlyList<IEventSink>? extraSinks = null)
    {
        DatabasePath = databasePath ?? _temp.File("state.db");
        Store = StateStore.Open(DatabasePath);
        RunId = Store.StartRun("paper", "test", "sha", "USDT", startingBalance);
        var rules = new Dictionary<Symbol, InstrumentRules> { [Btc] = new(Btc, 0.1m, 0.001m, 0.001m, 5m, 20) };
        Portfolio = new Portfolio("USDT", startingBalance);
        var daily = new DailyStatsTracker(account is null ? null : new AccountDayJournal(Store, account));
        var publisher = new DeferredPublisher();
        paper ??= new PaperOptions { SlippageBps = 0m, TakerFeeRate = 0m };
        IOrderVenue venue = new PaperVenue(paper, s => rules[s]);
        venue = wrapVenue?.Invoke(venue) ?? venue;
        var orders = new OrderManager(Store, RunId, venue, Portfolio, daily, publisher, wall);
        Statistics = new RunStatistics();
        var parts = new KernelParts(Store, RunId, new ReplayClock(DateTimeOffset.UnixEpoch), Portfolio, daily, orders, paper.EntryFill, rules, Statistics)
        {
            Funding = funding,
        };
        var logger = new Serilog.LoggerConfiguration().CreateLogger();
        var slots = strategies.Select(s => new StrategySlot(s.Id, s.Strategy, new HashSet<Symbol> { Btc }, null, new PluginLogger(logger, s.Id))).ToList();
        Slots = slots;
        Kernel = new TradingKernel(parts, slots, new RiskSlot("risk", risk, new PluginLogger(logger, "risk")), [Statistics, Events, Activity, new JournalSink(Store, RunId), .. extraSinks ?? []])
        {
            Activity = Activity,
            CallGuard = callBudget is { } budget ? new StrategyCallGuard(budget, TimeProvider.System) : StrategyCallGuard.Inline,
        };
        publisher.Target = Kernel;
    }

    public StateStore Store { get; }

    public string DatabasePath { get; }

    public long RunId { get; }

    public Portfolio Portfolio { get; }

    public RunStatistics Statistics { get; }

    public RecordingSink Events { get; } = new();

    public Ict.Engine.Status.ActivityRecorder Activity { get; } = new();

    public TradingKernel Kernel { get; }

    public IReadOnlyList<StrategySlot> Slots { get; }

    public static Candle Candle(int index, decimal open, decimal high, decimal low, decimal close) =>
        new(Btc, M15, T0.AddMinutes(15 * index), open, high, low, close, 1m);

    public void Dispose()
    {
        Store.Dispose();
        _temp.Dispose();
    }
}

/// <summary>Keeps every event the kernel publishes.</summary>
internal sealed class RecordingSink : IEventSink
{
    public List<EngineEvent> All { get; } = [];

    public void Handle(EngineEvent engineEvent) => All.Add(engineEvent);

    public IEnumerable<T> Of<T>() => All.OfType<T>();
}

/// <summary>A strategy that raises given signals on given candle numbers.</summary>
internal sealed class ScriptedStrategy(Dictionary<int, EntrySignal> signals) : IStrategy
{
    private int _count;

    public void OnCandle(Candle candle, IStrategyContext context)
    {
        if (signals.TryGetValue(_count++, out var signal))
        {
            context.Signal(signal);
        }
    }
}

/// <summary>A risk manager that approves a fixed quantity.</summary>
internal sealed class FixedQuantityRisk(decimal quantity) : IRiskManager
{
    public int Calls { get; private set; }

    public RiskDecision Evaluate(EntrySignal signal, IRiskContext context)
    {
        Calls++;
        return RiskDecision.Approve(quantity);
    }
}
