using Ict.Engine.Events;
using Ict.Engine.Plugins;
using Ict.Engine.Scripting;

namespace Ict.Engine.Status;

/// <summary>
/// Follows the plugins and scripts of a run for the status views: when each was last (re)loaded, and the last error
/// or compile diagnostics of each script. Fed by the plugin catalog, the script host and the kernel's fault events,
/// from their own threads.
/// </summary>
internal sealed class PluginActivity(TimeProvider time) : IEventSink
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Path, string Version, PluginState State)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _reloaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScriptRow> _scripts = new(StringComparer.Ordinal);

    /// <summary>Notes which catalog entries are new or changed since the last call.</summary>
    public void ObserveCatalog(PluginCatalog catalog)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var plugin in catalog.Plugins)
            {
                var key = plugin.Id + "|" + plugin.Path;
                var identity = (plugin.Path, plugin.Version, plugin.State);
                if (!_seen.TryGetValue(key, out var before) || before != identity)
                {
                    _seen[key] = identity;
                    if (plugin.State == PluginState.Loaded && (before == default || before.Version != plugin.Version || before.State != PluginState.Loaded))
                    {
                        _reloaded[key] = now;
                    }
                }
            }
        }
    }

    public void ObserveScript(ScriptChange change)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var row = _scripts.GetValueOrDefault(change.Id) ?? new ScriptRow(0, "stopped", null, null);
            _scripts[change.Id] = change.Kind switch
            {
                ScriptChangeKind.Started or ScriptChangeKind.Reloaded => new ScriptRow(row.Generation + 1, "loaded", now, null),
                ScriptChangeKind.Stopped => row with { State = "unloaded", LastReload = now },
                _ => row with
                {
                    State = row.Generation == 0 ? "compile error" : row.State,
                    LastError = string.Join(Environment.NewLine, change.Errors),
                },
            };
        }
    }

    /// <summary>A script that loaded at start-up.</summary>
    public void ScriptStarted(string id) => ObserveScript(new ScriptChange(id, ScriptChangeKind.Started, []));

    public void Handle(EngineEvent engineEvent)
    {
        if (engineEvent is not PluginFaulted faulted)
        {
            return;
        }

        lock (_gate)
        {
            if (_scripts.TryGetValue(faulted.PluginId, out var row))
            {
                _scripts[faulted.PluginId] = row with { State = "faulted", LastError = faulted.Reason };
            }
        }
    }

    /// <summary>The plugins of the catalog, then the scripts, each with its last reload and last error.</summary>
    public IReadOnlyList<PluginStatusRow> Rows(PluginCatalog catalog)
    {
        var plugins = catalog.Plugins;
        lock (_gate)
        {
            var rows = plugins
                .Select(p => PluginStatusRow.From(p, _reloaded.TryGetValue(p.Id + "|" + p.Path, out var at) ? at : null))
                .ToList();
            rows.AddRange(_scripts
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new PluginStatusRow(s.Key, "script", s.Value.Generation == 0 ? "-" : s.Value.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Value.State, s.Value.LastReload, s.Value.LastError)));
            return rows;
        }
    }

    private sealed record ScriptRow(int Generation, string State, DateTimeOffset? LastReload, string? LastError);
}
