using Ict.Engine.Configuration;
using Ict.Engine.Notifications;
using Ict.Engine.Secrets;

namespace Ict.Engine;

/// <summary>
/// What a running engine picks up from an edited <c>engine.json</c> without a restart: the notifier set (added,
/// removed or changed notifiers; unchanged ones keep running) and the kill switch. Everything else needs a restart
/// and is ignored until then. The kernel is never paused for it.
/// </summary>
public sealed partial class EngineHost
{
    private ConfigWatcher? _watcher;
    private Func<string, EngineConfig> _reload = path => EngineConfig.Load(path);
    private SecretRedactor _redactor = SecretRedactor.None;
    private bool _killSwitchInConfig;

    /// <summary>The live config watcher, once <see cref="RunAsync"/> has started it.</summary>
    public ConfigWatcher? ConfigWatcher => _watcher;

    internal NotificationDispatcher Notifications => _notifications;

    internal void StartWatchingConfig()
    {
        _watcher ??= new ConfigWatcher(_config.FilePath, _reload, ApplyLiveConfig, _log, TimeProvider.System);
    }

    private async Task StopWatchingConfigAsync()
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ApplyLiveConfig(EngineConfig config)
    {
        _redactor.Add(config.Secrets);
        _notifications.Apply(NotifierFactory.Create(config, Catalog, _log));
        _plugins.Config?.Set(config); // a notifier plugin reloaded later is created with these settings

        var killSwitch = config.Options.KillSwitch;
        if (killSwitch.Engaged != _killSwitchInConfig)
        {
            _killSwitchInConfig = killSwitch.Engaged;
            SetKillSwitch(killSwitch.Engaged, killSwitch.FlattenOnEngage, "engine.json");
        }
    }
}
