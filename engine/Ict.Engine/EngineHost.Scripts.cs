using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Market;
using Ict.Engine.Scripting;

namespace Ict.Engine;

/// <summary>The engine's side of <c>.csx</c> scripts (see docs/scripts.md): start-up load and the hot-edit watcher.</summary>
public sealed partial class EngineHost
{
    private ScriptHost? _scripts;

    /// <summary>Applies a change to one script file now, as the watcher would once the file settles (tests).</summary>
    internal Task ApplyScriptChangeAsync(string path, CancellationToken stop) =>
        _scripts?.ApplyAsync(path, stop) ?? throw new InvalidOperationException("scripts are not enabled");

    /// <summary>The script host, when <c>$.scripts.enabled</c>.</summary>
    internal ScriptHost? Scripts => _scripts;

    /// <summary>Compiles the scripts folder and adds each script that loads as a strategy on every replayed symbol.</summary>
    private static ScriptHost? CreateScriptHost(EngineConfig config, IReadOnlyList<ReplaySource> sources, List<StrategySlot> strategies, Status.PluginActivity activity, Serilog.ILogger log)
    {
        var options = config.Options.Scripts;
        if (!options.Enabled)
        {
            return null;
        }

        _ = ScriptCompiler.WarmUpAsync(); // load Roslyn off the start-up path; the first compile below waits on the shared references only
        var symbols = sources.Select(s => s.Symbol).ToHashSet();
        var directory = config.ResolvePath(options.Directory);
        var cache = Path.Combine(Path.GetDirectoryName(config.ResolvePath(config.Options.State.Database))!, "script-cache");
        var compiler = new ScriptCompiler(directory, Path.GetDirectoryName(directory), cacheDirectory: cache);
        var host = new ScriptHost(compiler, symbols, options.WarmupCandles, TimeSpan.FromMilliseconds(options.ReloadDebounceMilliseconds), TimeProvider.System, log);
        host.Changed += activity.ObserveScript;
        foreach (var (id, strategy) in host.LoadInitial())
        {
            activity.ScriptStarted(id);
            strategies.Add(new StrategySlot(id, strategy, symbols, null, new PluginLogger(log, id)));
        }

        return host;
    }

    private Task WatchScriptsAsync(CancellationToken stop) =>
        _scripts is not null && _config.Options.Scripts.Watch ? _scripts.RunAsync(stop) : Task.CompletedTask;
}
