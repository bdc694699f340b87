using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Backtesting;
using Ict.Engine.Configuration;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Market;
using Ict.Engine.Notifications;
using Ict.Engine.Plugins;
using Ict.Engine.Secrets;
using Ict.Engine.State;
using Ict.Engine.Status;
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
    private readonly TradingKernel _kernel;
    private readonly BacktestRecorder? _recorder;
    private readonly PluginHost _plugins;
    private Live.LiveSession? _live;

    private EngineHost(EngineConfig config, Serilog.ILogger log, StateStore store, TradingKernel kernel, EngineLoop loop, ReplayFeed feed,
        NotificationDispatcher notifications, Portfolio portfolio, RunStatistics statistics, long runId, PluginCatalog catalog,
        BacktestRecorder? recorder, PluginHost plugins)
    {
        _plugins = plugins;
        _config = config;
        _log = log;
        _store = store;
        _kernel = kernel;
        _loop = loop;
        _feed = feed;
        _notifications = notifications;
        _portfolio = portfolio;
        _recorder = recorder;
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
    public static EngineHost Create(EngineConfig config, Serilog.ILogger log, SecretRedactor? redactor = null, Func<string, EngineConfig>? reload = null) =>
        Create(config, log, new EngineRunOptions(), redactor, reload);

    public static EngineHost Create(EngineConfig config, Serilog.ILogger log, EngineRunOptions run, SecretRedactor? redactor = null, Func<string, EngineConfig>? reload = null)
    {
        redactor ??= new SecretRedactor(config.Secrets);
        var options = config.Options;
        var rules = options.Instruments.ToDictionary(
            i => new Symbol(i.Symbol),
            i => new InstrumentRules(new Symbol(i.Symbol), i.TickSize, i.StepSize, i.MinQuantity, i.MinNotional, i.MaxLeverage));
        var sources = run.Sources?.ToList() ?? options.MarketData.Replay.Files
            .Select(f => new ReplaySource(new Symbol(f.Symbol), Interval.Parse(f.Interval), config.ResolvePath(f.Path)))
            .ToList();
        foreach (var source in sources.Where(s => !rules.ContainsKey(s.Symbol)))
        {
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: $.instruments: no trading rules for {source.Symbol} ({source.Path}); add it to $.instruments");
        }

        var feed = new ReplayFeed(sources);
        var live = options.Mode == TradingMode.Paper || run.Backtest ? null : Live.LiveSession.Connect(config, run.Exchange, sources, rules, log, redactor);
        if (!run.Backtest && live is null)
        {
            ValidateFiles(feed, log); // a backtest's caller has already read (and so validated) every candle
        }

        var catalog = PluginCatalog.Discover(options.Plugins.Directories.Select(config.ResolvePath), new PluginTrust(options.Plugins.AllowedSha256));
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

        var pluginActivity = new PluginActivity(TimeProvider.System);
        pluginActivity.ObserveCatalog(catalog);
        catalog.Changed += pluginActivity.ObserveCatalog;
        var strategies = CreateStrategies(config, catalog, sources, log);
        var scripts = CreateScriptHost(config, sources, strategies, pluginActivity, log);
        var riskOptions = options.Risk!;
        var risk = new RiskSlot(riskOptions.Plugin, Require<IRiskManager>(config, catalog, riskOptions, "$.risk"), new PluginLogger(log, riskOptions.Plugin));
        var notifiers = run.Backtest ? [] : NotifierFactory.Create(config, catalog, log);

        var store = StateStore.Open(config.ResolvePath(options.State.Database));
        var startingBalance = live?.WalletBalance ?? options.Account.StartingBalance;
        var runId = store.StartRun(options.Mode.ToString().ToLowerInvariant(), run.Backtest ? "backtest" : live is null ? "replay" : "exchange", config.Sha256, options.Account.Asset, startingBalance);
        // A replay trades the in-process paper venue: batch the writes. An exchange run commits every event.
        store.WriteMode = live is null ? StoreWriteMode.Deferred : StoreWriteMode.Immediate;
        var clock = new ReplayClock(DateTimeOffset.UnixEpoch);
        var portfolio = new Portfolio(options.Account.Asset, startingBalance);
        // A replay is its own run and starts fresh; a feed of the present (connector, later) resumes the account's day.
        var daily = new DailyStatsTracker(options.MarketData.Source == MarketDataSource.Replay && live is null
            ? null
            : new AccountDayJournal(store, $"{options.Mode.ToString().ToLowerInvariant()}:{options.Account.Asset}"));
        var statistics = new RunStatistics();
        var notifications = new NotificationDispatcher(log, TimeProvider.System, redactor, store, new NotificationOutbox(store.Path));
        notifications.Apply(notifiers);
        var publisher = new DeferredPublisher();
        var binanceVenue = live is null ? null : new Live.BinanceVenue(portfolio.LastPrice);
        IOrderVenue venue = binanceVenue is null ? new PaperVenue(options.Paper, symbol => rules[symbol]) : binanceVenue;
        var orders = new OrderManager(store, runId, venue, portfolio, daily, publisher, TimeProvider.System);
        binanceVenue?.LeverageFor = symbol => orders.PendingEntryFor(symbol)?.Leverage;
        var parts = new KernelParts(store, runId, clock, portfolio, daily, orders, options.Paper.EntryFill, rules, statistics)
        {
            RecordCandles = options.State.RecordCandles && !run.Backtest, // a backtest's candles are in its files
            PersistPatternChanges = !run.Backtest, // a backtest writes each pattern's final state once, at the end
            Funding = LoadFunding(config, run),
        };
        // An ended pattern is final: a backtest writes it at once (the background writer overlaps it with the run),
        // and the patterns still active at the end afterwards.
        var recorder = run.Backtest ? new BacktestRecorder(run.ExpectedCandles) { PatternEnded = (strategy, pattern) => store.UpsertFinalPattern(runId, strategy, pattern) } : null;
        List<IEventSink> sinks = [statistics, new PluginFaultSink(catalog)];
        var activity = new ActivityRecorder();
        if (recorder is not null)
        {
            sinks.Add(recorder); // a backtest's results are its rows and metrics: no journal, no log lines, no notifications
        }
        else
        {
            sinks.Add(new JournalSink(store, runId, options.State.JournalPatterns));
            sinks.Add(new LogSink(log));
            sinks.Add(new NotificationSink(notifications));
            sinks.Add(activity);
            sinks.Add(pluginActivity);
        }

        // The per-call time budget protects paper and live trading from a hung strategy; a backtest calls strategies
        // directly (a hang there stops only the backtest, and the guard's thread hand-off would dominate its speed).
        var budget = run.Backtest ? TimeSpan.Zero : TimeSpan.FromMilliseconds(options.Plugins.StrategyCallBudgetMilliseconds);
        var kernel = new TradingKernel(parts, strategies, risk, sinks)
        {
            CallGuard = new StrategyCallGuard(budget, TimeProvider.System),
            Activity = activity,
            TradesPerDayLimit = DailyTradeLimit(options),
        };
        publisher.Target = kernel;
        if (options.KillSwitch.Engaged)
        {
            kernel.KillSwitch.Set(true, "engine.json");
            log.Warning("Kill switch engaged by engine.json: no new entries");
        }

        var loop = new EngineLoop(kernel, options.MarketData.Replay.ClosePositionsAtEnd) { LoggerFor = id => new PluginLogger(log, id) };
        live?.Attach(loop.Writer, binanceVenue!);
        var pluginHost = CreatePluginHost(config, catalog, loop.Writer, sources, notifications, log);
        scripts?.Attach(loop.Writer);

        log.Information("Run {RunId}: {Mode} account {Balance} {Asset}; {Strategies} strateg(ies), risk {Risk}, {Notifiers} notifier(s); state in {Database}",
            runId, options.Mode.ToString().ToLowerInvariant(), startingBalance, options.Account.Asset, strategies.Count, risk.Id, notifiers.Count, store.Path);
        return new EngineHost(config, log, store, kernel, loop, feed, notifications, portfolio, statistics, runId, catalog, recorder, pluginHost)
        {
            _redactor = redactor,
            _reload = reload ?? (path => EngineConfig.Load(path)),
            _killSwitchInConfig = options.KillSwitch.Engaged,
            _scripts = scripts,
            _pluginActivity = pluginActivity,
            _live = live,
        }.WithVenueStatus(live);
    }

    /// <summary>Replays the feed through the kernel until the data ends or <paramref name="stop"/> is signalled.</summary>
    public Task<RunSummary> RunAsync(CancellationToken stop) => RunAsync(replay: true, stop);

    /// <summary>Runs the kernel; without <paramref name="replay"/> the caller feeds <see cref="Input"/> itself (tests).</summary>
    internal async Task<RunSummary> RunAsync(bool replay, CancellationToken stop)
    {
        _startedAt = TimeProvider.System.GetUtcNow();
        StartWatchingConfig();
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var pump = _live is not null ? _live.RunAsync(_store, RunId, feedStop.Token)
            : replay ? Task.Run(() => PumpAsync(feedStop.Token), CancellationToken.None) : Task.CompletedTask;
        PublishPluginStatus();
        var watch = WatchPluginsAsync(feedStop.Token);
        var scriptWatch = WatchScriptsAsync(feedStop.Token);
        var snapshots = PublishSnapshotsAsync(feedStop.Token);
        var reason = await _loop.RunAsync(stop).ConfigureAwait(false);
        await feedStop.CancelAsync().ConfigureAwait(false);
        await snapshots.ConfigureAwait(false);
        PublishFinalSnapshot();
        await pump.ConfigureAwait(false);
        await watch.ConfigureAwait(false);
        await scriptWatch.ConfigureAwait(false);
        RetractPluginStatus();

        await StopWatchingConfigAsync().ConfigureAwait(false);
        var summary = Statistics.ToSummary(RunId, _portfolio.ToView(), _config.Options.Account.StartingBalance, reason);
        _store.FinishRun(RunId, reason == "end of data" ? "completed" : "stopped", JsonSerializer.Serialize(summary));
        _store.Flush();
        await _notifications.FlushAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return summary;
    }

    /// <summary>
    /// Runs the candles through the same kernel as <see cref="RunAsync"/>, synchronously and at full speed, then
    /// computes the metrics and stores them with the run. Create the host with <see cref="EngineRunOptions.Backtest"/>.
    /// </summary>
    public BacktestMetrics RunBacktest(IReadOnlyList<Candle> candles, Action<long>? progress = null, CancellationToken stop = default)
    {
        var recorder = _recorder ?? throw new InvalidOperationException("create the host with Backtest = true to run a backtest");
        var started = TimeProvider.System.GetTimestamp();
        if (candles.Count > 0)
        {
            recorder.ReserveDays(candles[^1].CloseTime.UtcDateTime.Date.Subtract(candles[0].OpenTime.UtcDateTime.Date).Days + 2);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var writerBusyBefore = _store.WriterBusy;
        for (var i = 0; i < candles.Count; i++)
        {
            var candle = candles[i];
            _kernel.OnCandle(candle);
            recorder.ObserveCandle(candle.CloseTime, _portfolio.Equity, _portfolio.Positions.Count > 0);
            if ((i & 4095) == 4095)
            {
                progress?.Invoke(i + 1);
                if (stop.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        _kernel.OnEndOfData(_config.Options.MarketData.Replay.ClosePositionsAtEnd);
        recorder.Finish(candles.Count > 0 ? candles[^1].CloseTime : DateTimeOffset.UnixEpoch, _portfolio.Equity);
        progress?.Invoke(candles.Count);
        var kernelDone = TimeProvider.System.GetTimestamp();
        var kernelAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        foreach (var ((strategyId, _), pattern) in recorder.Patterns)
        {
            _store.UpsertPattern(RunId, strategyId, pattern);
        }

        var metrics = BacktestMetrics.Compute(recorder, Statistics, _config.Options.Account.StartingBalance, _portfolio.Balance);
        _store.FinishRun(RunId, stop.IsCancellationRequested ? "stopped" : "completed", JsonSerializer.Serialize(metrics, BacktestJson.Options));
        _store.Flush();
        LastTimings = new BacktestTimings(TimeProvider.System.GetElapsedTime(started, kernelDone), TimeProvider.System.GetElapsedTime(kernelDone), kernelAllocated)
        {
            WriterBusy = _store.WriterBusy - writerBusyBefore,
        };
        return metrics;
    }

    /// <summary>How long the last backtest spent in the kernel and then writing its results.</summary>
    public BacktestTimings? LastTimings { get; private set; }

    /// <summary>The recorder of a backtest run: trades, daily equity, the thinned curve.</summary>
    public BacktestRecorder? Recorder => _recorder;

    /// <summary>The patterns the run stored, for reports.</summary>
    public IReadOnlyList<PatternRecord> StoredPatterns() => _store.GetPatterns(RunId);

    /// <summary>Engages or releases the kill switch; the kernel applies it between two inputs.</summary>
    public bool SetKillSwitch(bool engaged, bool flatten, string source) =>
        _loop.Writer.TryWrite(new KillSwitchInput(engaged, flatten, source));

    public async ValueTask DisposeAsync()
    {
        await _notifications.DisposeAsync().ConfigureAwait(false);
        _live?.Dispose();
        _store.Dispose();
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        try
        {
            var pace = _config.Options.MarketData.Replay.CandlesPerSecond;
            foreach (var candle in _feed.ReadAll())
            {
                await _loop.Writer.WriteAsync(new CandleInput(candle) { ReplayedAt = TimeProvider.System.GetUtcNow() }, stop).ConfigureAwait(false);
                if (pace > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1 / pace), TimeProvider.System, stop).ConfigureAwait(false);
                }
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

    private static FundingSchedule? LoadFunding(EngineConfig config, EngineRunOptions run)
    {
        var files = run.Funding ?? config.Options.MarketData.Replay.Funding.Select(f => (new Symbol(f.Symbol), config.ResolvePath(f.Path))).ToList();
        if (files.Count == 0)
        {
            return null;
        }

        var schedule = new FundingSchedule();
        foreach (var (symbol, path) in files)
        {
            schedule.Load(symbol, path);
        }

        return schedule;
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
            var interval = slot.Interval is null ? (Interval?)null : Interval.Parse(slot.Interval);
            try
            {
                var strategy = Require<IStrategy>(config, catalog, slot, path);
                slots.Add(new StrategySlot(slot.Plugin, strategy, symbols, interval, new PluginLogger(log, slot.Plugin)));
            }
            catch (PluginFaultException ex)
            {
                log.Error("Strategy {Id} is faulted and gets no events until a new build is dropped in: {Reason}", slot.Plugin, ex.Reason);
                catalog.MarkFaulted(slot.Plugin, ex.Reason);
                var faulted = new StrategySlot(slot.Plugin, FaultedStrategy.Instance, symbols, interval, new PluginLogger(log, slot.Plugin));
                faulted.Fault(ex.Reason);
                slots.Add(faulted);
            }
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
