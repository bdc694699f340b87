using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Events;
using Ict.Engine.Kernel;

namespace Ict.Engine.Plugins;

/// <summary>
/// Hot reload of plugins under a running kernel: strategies, the risk manager in use (swapped between two kernel
/// inputs) and the notifiers in use (swapped in the dispatcher once the new build has started). For a settled folder: build and validate the new version
/// in a fresh context and create its strategies (constructor and settings) while the old version keeps trading; only
/// then ask the kernel to swap between two events; then unload the old context and verify that it is collected. A
/// new build that fails to load or start leaves the old version running. A removed folder stops its strategies.
/// </summary>
internal sealed class PluginHost(
    PluginCatalog catalog,
    PluginTrust trust,
    PluginHostWiring wiring,
    Serilog.ILogger log)
{
    private const int MaxFaultsPerRun = 3;

    private static readonly TimeSpan NotifierDrain = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _applying = new(1, 1);

    /// <summary>The config as last applied (start-up, then each live edit), for notifiers created by a reload.</summary>
    public LatestConfig? Config { get; init; }

    /// <summary>Called for every folder change until <paramref name="stop"/>; reloads run one at a time.</summary>
    public async Task RunAsync(ChannelReader<string> settled, CancellationToken stop)
    {
        try
        {
            await foreach (var folder in settled.ReadAllAsync(stop).ConfigureAwait(false))
            {
                await ApplyAsync(folder, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Brings the running engine in line with what <paramref name="folder"/> now holds. Callers (the watcher, an
    /// operator's reload) take turns: one folder is applied at a time.
    /// </summary>
    public async Task ApplyAsync(string folder, CancellationToken stop)
    {
        await _applying.WaitAsync(stop).ConfigureAwait(false);
        try
        {
            await ApplyCoreAsync(folder, stop).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            log.Information("Plugin change in {Folder} ignored: the engine has stopped", folder);
        }
        catch (IOException ex)
        {
            // A file still held by the copy that is writing it (File.Copy opens it exclusively): the running version
            // stays, and the copy's own completion is a later change that is applied in turn.
            log.Warning("Plugin change in {Folder} not applied yet, a file is busy: {Reason}", folder, ex.Message);
        }
        finally
        {
            _applying.Release();
        }
    }

    private async Task ApplyCoreAsync(string folder, CancellationToken stop)
    {
        var current = catalog.Folder(folder);
        var main = PluginFolderLoader.FindMainAssembly(folder);
        if (main is null)
        {
            if (current is not null)
            {
                // Only ids and stripped descriptors cross the await: this method's state must not keep the old build alive.
                var ids = current.Plugins.Where(p => p.Kind == PluginKind.Strategy && p.State is PluginState.Loaded or PluginState.Faulted).Select(p => p.Id).ToList();
                var removed = current.Plugins.Select(p => p with { Type = null }).ToList();
                current = null;
                await RemoveAsync(folder, ids, removed, "its folder was removed", stop).ConfigureAwait(false);
            }

            return;
        }

        if (current?.Sha256 is { } sha && sha == PluginTrust.Sha256(main))
        {
            log.Debug("Plugin folder {Folder} changed but its assembly did not: nothing to reload", folder);
            return;
        }

        // The risk manager and notifiers the engine uses from this folder: a new build must bring each of them again.
        var inUse = current?.Plugins.Where(p => p.Kind is PluginKind.Risk or PluginKind.Notifier && wiring.InUse(p.Id))
            .Select(p => (p.Id, p.Kind)).ToList() ?? [];
        var next = catalog.Build(folder, trust);
        if (next is null)
        {
            return;
        }

        if (!next.IsLoaded)
        {
            var reason = string.Join("; ", next.Plugins.Select(p => p.Reason));
            if (current is null)
            {
                catalog.Replace(folder, next);
                log.Warning("Plugin folder {Folder} refused: {Reason}", folder, reason);
            }
            else
            {
                log.Warning("New build in {Folder} refused, the running version stays: {Reason}", folder, reason);
            }

            return;
        }

        var missing = inUse.Where(u => !next.Plugins.Any(p => p.Id == u.Id && p.Kind == u.Kind && p.State == PluginState.Loaded)).Select(u => u.Id).ToList();
        if (missing.Count > 0)
        {
            log.Warning("New build in {Folder} does not bring {Ids}, which the engine uses: the running version stays", folder, string.Join(", ", missing));
            next.Unload();
            return;
        }

        var started = Start(next);
        var risk = started is null ? null : StartRisk(next, inUse);
        var notifiers = started is null || risk is { Manager: null } ? null : StartNotifiers(next, inUse);
        if (started is null || risk is { Manager: null } || notifiers is { Count: 0 })
        {
            started = null;
            risk = null;
            next.Unload();
            return;
        }

        var retired = current?.Plugins.Where(p => p.Kind == PluginKind.Strategy && !started.ContainsKey(p.Id)).Select(p => p.Id).ToList() ?? [];
        var previous = current?.Plugins.Select(p => p with { Type = null }).ToList();
        current = null;
        await SwapAllAsync(started, retired, stop).ConfigureAwait(false);
        started = null;
        if (risk is { Manager: { } manager } created)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await wiring.Kernel.WriteAsync(new RiskSwapInput(created.Id, manager, done), stop).ConfigureAwait(false);
            await done.Task.WaitAsync(stop).ConfigureAwait(false);
            risk = null;
        }

        var unloading = Detach(previous);
        catalog.Replace(folder, next);
        if (notifiers is not null && wiring.ApplyNotifiers is { } apply)
        {
            // The old notifiers finish their queues first; only then can their context be collected.
            try
            {
                await apply(notifiers).WaitAsync(NotifierDrain, stop).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                log.Warning("The replaced notifiers of {Folder} are still delivering after {Drain}", folder, NotifierDrain);
            }

            notifiers = null;
        }

        foreach (var plugin in next.Plugins)
        {
            log.Information("Plugin {Id} {Version} ({Kind}) {Action} from {Path}", plugin.Id, plugin.Version, plugin.Kind,
                previous is null ? "loaded" : "reloaded", plugin.Path);
        }

        VerifyUnloaded(previous, unloading, "replaced by a new build", recordIfCollected: false);
    }

    private async Task SwapAllAsync(Dictionary<string, IReadOnlyList<IStrategy>> started, List<string> retired, CancellationToken stop)
    {
        foreach (var id in started.Keys.Order(StringComparer.Ordinal).ToList())
        {
            await SwapAsync(id, started[id], stop).ConfigureAwait(false);
        }

        foreach (var id in retired)
        {
            await SwapAsync(id, [], stop).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates the new build of the risk manager in use, if this folder holds it: null when it does not, a null
    /// <c>Manager</c> (and a log line) when the new build failed to start (the running version then stays).
    /// </summary>
    private (string Id, IRiskManager? Manager)? StartRisk(PluginFolder next, List<(string Id, PluginKind? Kind)> inUse)
    {
        var id = inUse.Where(u => u.Kind == PluginKind.Risk).Select(u => u.Id).FirstOrDefault();
        if (id is null || wiring.CreateRisk is not { } create)
        {
            return null;
        }

        try
        {
            return (id, create(next.Plugins.First(p => p.Id == id && p.Kind == PluginKind.Risk)));
        }
        catch (Exception ex) when (ex is PluginFaultException or ConfigException)
        {
            catalog.CountFault(id);
            log.Error("New build of {Id} failed to start, the running version stays: {Reason}", id, ex.Message);
            return (id, null);
        }
    }

    /// <summary>
    /// Creates the configured notifiers with the new build of those this folder holds: null when it holds none in use,
    /// an empty list (and a log line) when one of them failed to start (the running versions then stay).
    /// </summary>
    private IReadOnlyList<Notifications.NotifierEntry>? StartNotifiers(PluginFolder next, List<(string Id, PluginKind? Kind)> inUse)
    {
        if (!inUse.Any(u => u.Kind == PluginKind.Notifier) || wiring.CreateNotifiers is not { } create)
        {
            return null;
        }

        try
        {
            var entries = create(next.Plugins);
            return entries.Count > 0 ? entries : null;
        }
        catch (Exception ex) when (ex is PluginFaultException or ConfigException)
        {
            log.Error("New build of the notifiers in {Folder} failed to start, the running versions stay: {Reason}", next.Path, ex.Message);
            return [];
        }
    }

    /// <summary>Creates the new build's strategies; null (and a log line) when it has strategies and none could start.</summary>
    private Dictionary<string, IReadOnlyList<IStrategy>>? Start(PluginFolder next)
    {
        var started = new Dictionary<string, IReadOnlyList<IStrategy>>(StringComparer.Ordinal);
        foreach (var plugin in next.Plugins.Where(p => p.State == PluginState.Loaded && p.Kind == PluginKind.Strategy))
        {
            var faults = catalog.FaultCount(plugin.Id);
            if (faults >= MaxFaultsPerRun)
            {
                log.Error("Plugin {Id} faulted {Faults} times in this run: quarantined until restart; not loading its new build", plugin.Id, faults);
                continue;
            }

            try
            {
                started[plugin.Id] = wiring.CreateStrategies(plugin);
            }
            catch (Exception ex) when (ex is PluginFaultException or ConfigException)
            {
                catalog.CountFault(plugin.Id);
                log.Error("New build of {Id} failed to start, the running version stays: {Reason}", plugin.Id, ex.Message);
            }
        }

        // Null only when the build has strategies and none could start; a folder of notifiers or a risk manager
        // yields an empty set: it is recorded (and used on the next start) without swapping anything.
        var hasStrategies = next.Plugins.Any(p => p.State == PluginState.Loaded && p.Kind == PluginKind.Strategy);
        if (!hasStrategies && !next.Plugins.Any(p => wiring.InUse(p.Id)))
        {
            log.Information("Plugin folder {Folder} holds no strategy and nothing the config uses: its risk managers and notifiers are there for the next start", next.Path);
        }

        return started.Count == 0 && hasStrategies ? null : started;
    }

    private async Task RemoveAsync(string folder, List<string> ids, List<PluginDescriptor> previous, string why, CancellationToken stop)
    {
        await SwapAllAsync([], ids, stop).ConfigureAwait(false);
        VerifyUnloaded(previous, Detach(previous), why, recordIfCollected: true);
        log.Information("Plugin folder {Folder} removed: {Ids} stopped", folder, string.Join(", ", previous.Select(p => p.Id)));
    }

    private async Task SwapAsync(string id, IReadOnlyList<IStrategy> replacements, CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await wiring.Kernel.WriteAsync(new StrategySwapInput(id, replacements, wiring.DefaultSymbols, done), stop).ConfigureAwait(false);
        await done.Task.WaitAsync(stop).ConfigureAwait(false);
    }

    /// <summary>Takes the folder out of the catalog and starts its unload; kept apart so no local keeps it alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference? Detach(List<PluginDescriptor>? previous)
    {
        if (previous is null || previous.Count == 0)
        {
            return null;
        }

        var folder = catalog.Folder(previous[0].Path);
        catalog.Replace(previous[0].Path, null);
        return folder?.Unload();
    }

    private void VerifyUnloaded(List<PluginDescriptor>? previous, WeakReference? context, string why, bool recordIfCollected)
    {
        if (previous is null)
        {
            return;
        }

        var collected = UnloadVerifier.IsCollected(context);
        var reason = collected ? why : $"{why}, but its load context did not unload: something still holds it (a running thread, a static event, a cached type); memory is leaked until restart";
        if (!collected)
        {
            log.Error("Plugin {Ids} at {Path}: {Reason}", string.Join(", ", previous.Select(p => p.Id)), previous[0].Path, reason);
        }

        else
        {
            log.Information("Plugin {Ids} at {Path}: unloaded and collected ({Why})", string.Join(", ", previous.Select(p => p.Id)), previous[0].Path, why);
        }

        if (!collected || recordIfCollected)
        {
            catalog.RecordGone(previous.Select(p => p with { State = PluginState.Unloaded, Reason = reason }));
        }
    }
}
