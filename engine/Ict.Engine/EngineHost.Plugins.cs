using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Market;
using Ict.Engine.Notifications;
using Ict.Engine.Plugins;

namespace Ict.Engine;

/// <summary>The engine's side of hot reload: watching the plugin directories while the run goes on.</summary>
public sealed partial class EngineHost
{
    /// <summary>The kernel's input channel, for a caller that feeds the engine itself.</summary>
    internal ChannelWriter<KernelInput> Input => _loop.Writer;

    /// <summary>Applies a change in one plugin folder now, as the watcher would once the folder settles.</summary>
    internal Task ApplyPluginChangeAsync(string folder, CancellationToken stop) => _plugins.ApplyAsync(Path.GetFullPath(folder), stop);

    private static PluginHost CreatePluginHost(EngineConfig config, PluginCatalog catalog, ChannelWriter<KernelInput> kernel, IReadOnlyList<ReplaySource> sources, NotificationDispatcher notifications, Serilog.ILogger log)
    {
        var options = config.Options;
        var risk = options.Risk!;
        var live = new LatestConfig(config);
        var wiring = new PluginHostWiring(
            kernel,
            descriptor => CreateForReload(config, descriptor),
            sources.Select(s => s.Symbol).ToHashSet(),
            // The risk manager is the one the engine started with; the notifiers are those of the config as last applied.
            id => id == risk.Plugin || live.Value.Options.Notifiers.Any(n => n.Enabled && n.Plugin == id))
        {
            CreateRisk = descriptor => PluginActivator.Create<IRiskManager>(descriptor, config, risk, "$.risk"),
            CreateNotifiers = build => NotifierFactory.Create(live.Value, catalog, log, only: null, newBuild: build),
            ApplyNotifiers = notifications.ApplyAndDrainAsync,
        };
        return new PluginHost(catalog, new PluginTrust(options.Plugins.AllowedSha256), wiring, log) { Config = live };
    }

    /// <summary>
    /// The instances a reloaded strategy runs as: one per enabled <c>$.strategies</c> entry naming it, with that
    /// entry's settings; a strategy dropped in that the config does not name runs once, with default settings.
    /// </summary>
    private static List<IStrategy> CreateForReload(EngineConfig config, PluginDescriptor descriptor)
    {
        var slots = config.Options.Strategies
            .Select((slot, i) => (slot, path: $"$.strategies[{i}]"))
            .Where(x => x.slot.Enabled && x.slot.Plugin == descriptor.Id)
            .ToList();
        if (slots.Count == 0)
        {
            slots.Add((new PluginSlotOptions { Plugin = descriptor.Id }, $"(dropped-in {descriptor.Id})"));
        }

        return slots.Select(x => PluginActivator.Create<IStrategy>(descriptor, config, x.slot, x.path)).ToList();
    }

    /// <summary>Keeps <c>plugins.json</c> beside the database in step with the catalog while the engine runs.</summary>
    private void PublishPluginStatus()
    {
        var path = PluginStatusFile.PathFor(_store.Path);
        Catalog.Changed += catalog =>
        {
            try
            {
                PluginStatusFile.Write(path, catalog.Plugins);
            }
            catch (IOException ex)
            {
                _log.Warning("Could not write the plugin status file {Path}: {Reason}", path, ex.Message);
            }
        };
        PluginStatusFile.Write(path, Catalog.Plugins);
    }

    private void RetractPluginStatus() => PluginStatusFile.Delete(PluginStatusFile.PathFor(_store.Path));

    private async Task WatchPluginsAsync(CancellationToken stop)
    {
        var options = _config.Options.Plugins;
        if (!options.Watch)
        {
            return;
        }

        var directories = options.Directories.Select(_config.ResolvePath).Where(d => PluginTrust.DirectoryProblem(d) is null || !Directory.Exists(d)).ToList();
        using var watcher = new PluginWatcher(directories, TimeSpan.FromMilliseconds(options.ReloadDebounceMilliseconds), TimeProvider.System);
        _log.Information("Watching {Directories} for plugin changes", string.Join(", ", directories));
        await _plugins.RunAsync(watcher.Settled, stop).ConfigureAwait(false);
    }

    /// <summary>Stands in for a strategy whose constructor or settings crashed: it is faulted and never called.</summary>
    private sealed class FaultedStrategy : IStrategy
    {
        public static readonly FaultedStrategy Instance = new();

        public void OnCandle(Candle candle, IStrategyContext context)
        {
        }
    }

    /// <summary>Marks a strategy faulted in the catalog when the kernel reports it.</summary>
    private sealed class PluginFaultSink(PluginCatalog catalog) : IEventSink
    {
        public bool WantsPatternEvents => false;

        public void Handle(EngineEvent engineEvent)
        {
            if (engineEvent is PluginFaulted faulted)
            {
                catalog.MarkFaulted(faulted.PluginId, faulted.Reason);
            }
        }
    }
}
