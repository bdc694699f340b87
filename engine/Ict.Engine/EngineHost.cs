using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Market;
using Ict.Engine.Notifications;
using Ict.Engine.Plugins;
using Ict.Engine.Secrets;
using Ict.Engine.State;
using Ict.Engine.Trading;

namespace Ict.Engine;

/// <summary>
/// One run of the engine: loads the plugins named in the config, opens the state store, wires the kernel and
/// feeds it. Bad configuration or input surfaces as <see cref="ConfigException"/> or
/// <see cref="CandleFileException"/> before any trading starts.
/// </summary>
public sealed partial class EngineHost : IAsyncDisposable
{
    private readonly EngineConfig _config;
    private readonly Serilog.ILogger _log;
    private readonly StateStore _store;
    private readonly EngineLoop _loop;
    private readonly ReplayFeed _feed;
    private readonly NotificationDispatcher _notifications;
    private readonly Portfolio _portfolio;

    private EngineHost(EngineConfig config, Serilog.ILogger log, StateStore store, EngineLoop loop, ReplayFeed feed,
        NotificationDispatcher notifications, Portfolio portfolio, RunStatistics statistics, long runId, PluginCatalog catalog)
    {
        _config = config;
        _log = log;
        _store = store;
        _loop = loop;
        _feed = feed;
        _notifications = notifications;
        _portfolio = portfolio;
        Statistics = statistics;
        RunId = runId;
        Catalog = catalog;
    }

    public long RunId { get; }

    public RunStatistics Statistics { get; }

    public PluginCatalog Catalog { get; }

    public string DatabasePath => _store.Path;

    /// <param name="redactor">Hides secrets in what is logged; shared with the log output, grown on config reloads.</param>
    /// <param name="reload">How an edited config file is loaded (default <see cref="EngineConfig.Load"/>).</param>
    public static EngineHost Create(EngineConfig config, Serilog.ILogger log, SecretRedactor? redactor = null, Func<string, EngineConfig>? reload = null)
    {
        redactor ??= new SecretRedactor(config.Secrets);
        var options = config.Options;
        var rules = options.Instruments.ToDictionary(
            i => new Symbol(i.Symbol),
            i => new InstrumentRules(new Symbol(i.Symbol), i.TickSize, i.StepSize, i.MinQuantity, i.MinNotional, i.MaxLeverage));
        var sources = options.MarketData.Replay.Files
            .Select(f => new ReplaySource(new Symbol(f.Symbol), Interval.Parse(f.Interval), config.ResolvePath(f.Path)))
            .ToList();
        var feed = new ReplayFeed(sources);
        ValidateFiles(feed, log);

        var catalog = PluginCatalog.Discover(options.Plugins.Directories.Select(config.ResolvePath));
        foreach (var plugin in catalog.Plugins)
        {
            if (plugin.State == PluginState.Loaded)
            {
                log.Debug("Plugin {Id} {Version} ({Kind}) from {Path}", plugin.Id, plugin.Version, plugin.Kind, plugin.Path);
            }
            else
            {
                log.Warning("Plugin {Id} at {Path} is {State}: {Reason}", plugin.Id, plugin.Path, plugin.State, plugin.Reason);
            }
        }

        var strategies = CreateStrategies(config, catalog, sources, log);
        var riskOptions = options.Risk!;
        var risk = new RiskSlot(riskOptions.Plugin, Require<IRiskManager>(config, catalog, riskOptions, "$.risk"), new PluginLogger(log, riskOptions.Plugin));
        var notifiers = NotifierFactory.Create(config, catalog, log);

        var store = StateStore.Open(config.ResolvePath(options.State.Database));
        var runId = store.StartRun(options.Mode.ToString().ToLowerInvariant(), "replay", config.Sha256, options.Account.Asset, options.Account.StartingBalance);
        var clock = new ReplayClock(DateTimeOffset.UnixEpoch);
        var portfolio = new Portfolio(options.Account.Asset, options.Account.StartingBalance);
        // A replay is its own run and starts fresh; a feed of the present (connector, later) resumes the account's day.
        var daily = new DailyStatsTracker(options.MarketData.Source == MarketDataSource.Replay
            ? null
            : new AccountDayJournal(store, $"{options.Mode.ToString().ToLowerInvariant()}:{options.Account.Asset}"));
        var statistics = new RunStatistics();
        var notifications = new NotificationDispatcher(log, TimeProvider.System, redactor, store, new NotificationOutbox(store.Path));
        notifications.Apply(notifiers);
        var publisher = new DeferredPublisher();
        var venue = new PaperVenue(options.Paper, symbol => rules[symbol]);
        var orders = new OrderManager(store, runId, venue, portfolio, daily, publisher);
        var parts = new KernelParts(store, runId, clock, portfolio, daily, orders, options.Paper.EntryFill, rules, statistics);
        IEventSink[] sinks = [statistics, new JournalSink(store, runId), new LogSink(log), new NotificationSink(notifications)];
        var kernel = new TradingKernel(parts, strategies, risk, sinks);
        publisher.Target = kernel;
        if (options.KillSwitch.Engaged)
        {
            kernel.KillSwitch.Set(true, "engine.json");
            log.Warning("Kill switch engaged by engine.json: no new entries");
        }

        var loop = new EngineLoop(kernel, options.MarketData.Replay.ClosePositionsAtEnd);

        log.Information("Run {RunId}: paper account {Balance} {Asset}; {Strategies} strateg(ies), risk {Risk}, {Notifiers} notifier(s); state in {Database}",
            runId, options.Account.StartingBalance, options.Account.Asset, strategies.Count, risk.Id, notifiers.Count, store.Path);
        return new EngineHost(config, log, store, loop, feed, notifications, portfolio, statistics, runId, catalog)
        {
            _redactor = redactor,
            _reload = reload ?? (path => EngineConfig.Load(path)),
            _killSwitchInConfig = options.KillSwitch.Engaged,
        };
    }

    /// <summary>Replays the feed through the kernel until the data ends or <paramref name="stop"/> is signalled.</summary>
    public async Task<RunSummary> RunAsync(CancellationToken stop)
    {
        StartWatchingConfig();
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var pump = Task.Run(() => PumpAsync(feedStop.Token), CancellationToken.None);
        var reason = await _loop.RunAsync(stop).ConfigureAwait(false);
        await feedStop.CancelAsync().ConfigureAwait(false);
        await pump.ConfigureAwait(false);

        await StopWatchingConfigAsync().ConfigureAwait(false);
        var summary = Statistics.ToSummary(RunId, _portfolio.ToView(), _config.Options.Account.StartingBalance, reason);
        _store.FinishRun(RunId, reason == "end of data" ? "completed" : "stopped", JsonSerializer.Serialize(summary));
        await _notifications.FlushAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Engages or releases the kill switch; the kernel applies it between two inputs.</summary>
    public bool SetKillSwitch(bool engaged, bool flatten, string source) =>
        _loop.Writer.TryWrite(new KillSwitchInput(engaged, flatten, source));

    public async ValueTask DisposeAsync()
    {
        await _notifications.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        try
        {
            foreach (var candle in _feed.ReadAll())
            {
                await _loop.Writer.WriteAsync(new CandleInput(candle), stop).ConfigureAwait(false);
            }

            await _loop.Writer.WriteAsync(new EndOfDataInput(), stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            _loop.Writer.TryComplete();
        }
    }

    private static void ValidateFiles(ReplayFeed feed, Serilog.ILogger log)
    {
        foreach (var source in feed.Sources)
        {
            var count = 0;
            var gaps = new GapDetector();
            var missing = 0;
            foreach (var candle in CandleCsvReader.Read(source.Path, source.Symbol, source.Interval))
            {
                count++;
                missing += gaps.Observe(candle)?.MissingCandles ?? 0;
            }

            log.Information("Replay {Symbol} {Interval}: {Count} candles from {Path}{Gaps}", source.Symbol.Value, source.Interval.Code, count, source.Path,
                missing > 0 ? $", {missing} missing (gaps are reported, not bridged)" : string.Empty);
        }
    }

    private static List<StrategySlot> CreateStrategies(EngineConfig config, PluginCatalog catalog, IReadOnlyList<ReplaySource> sources, Serilog.ILogger log)
    {
        var slots = new List<StrategySlot>();
        var fed = sources.Select(s => s.Symbol).ToHashSet();
        var strategies = config.Options.Strategies;
        for (var i = 0; i < strategies.Count; i++)
        {
            var slot = strategies[i];
            if (!slot.Enabled)
            {
                continue;
            }

            var path = $"$.strategies[{i}]";
            var symbols = slot.Symbols?.Select(s => ParseSymbol(config, s, $"{path}.symbols")).ToHashSet() ?? fed;
            var strategy = Require<IStrategy>(config, catalog, slot, path);
            var interval = slot.Interval is null ? (Interval?)null : Interval.Parse(slot.Interval);
            slots.Add(new StrategySlot(slot.Plugin, strategy, symbols, interval, new PluginLogger(log, slot.Plugin)));
        }

        return slots;
    }

    private static Symbol ParseSymbol(EngineConfig config, string text, string path)
    {
        try
        {
            return new Symbol(text);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: {path}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static T Require<T>(EngineConfig config, PluginCatalog catalog, PluginSlotOptions slot, string path)
        where T : class
    {
        var descriptor = catalog.Find(slot.Plugin);
        if (descriptor is null)
        {
            var found = catalog.Plugins.Count == 0 ? "none" : string.Join(", ", catalog.Plugins.Select(p => p.Id).Distinct());
            var where = string.Join(", ", config.Options.Plugins.Directories);
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: {path}.plugin: no plugin '{slot.Plugin}' in {where} (found: {found}); build the solution first: dotnet build");
        }

        return PluginActivator.Create<T>(descriptor, config, slot, path);
    }
}
