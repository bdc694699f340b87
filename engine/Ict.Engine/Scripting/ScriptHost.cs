using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Kernel;

namespace Ict.Engine.Scripting;

/// <summary>
/// Runs the scripts of one folder as strategies: loads them at start-up, then (when watching) recompiles a script
/// once its file has been quiet for the debounce and swaps the new version in between two kernel events through
/// <see cref="StrategySwapInput"/>. A failed compile keeps the running version and logs the diagnostics; a new file
/// starts a strategy, a deleted one stops it. Old versions are unloaded once the kernel has let go of them.
/// </summary>
internal sealed class ScriptHost
{
    private readonly ScriptCompiler _compiler;
    private ChannelWriter<KernelInput>? _kernel;
    private readonly IReadOnlySet<Symbol> _symbols;
    private readonly int _warmup;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private readonly Serilog.ILogger _log;
    private readonly Dictionary<string, ScriptStrategy> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _generation = new(StringComparer.Ordinal);
    private readonly Channel<string> _settled = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _applying = new(1, 1);

    public ScriptHost(ScriptCompiler compiler, IReadOnlySet<Symbol> symbols, int warmupCandles, TimeSpan debounce, TimeProvider time, Serilog.ILogger log)
    {
        _compiler = compiler;
        _symbols = symbols;
        _warmup = warmupCandles;
        _debounce = debounce;
        _time = time;
        _log = log;
    }

    /// <summary>Raised after a script version was swapped in, failed to compile, or stopped (for tests and the TUI).</summary>
    public event Action<ScriptChange>? Changed;

    /// <summary>The replaced and stopped versions, alive until their load context is collected (tests, diagnostics).</summary>
    internal List<WeakReference> Retired { get; } = [];

    /// <summary>Connects the host to the kernel's input, where it sends its swaps.</summary>
    public void Attach(ChannelWriter<KernelInput> kernel) => _kernel = kernel;

    /// <summary>The top-level scripts of the folder.</summary>
    public IEnumerable<string> Files => Directory.Exists(_compiler.Directory)
        ? Directory.GetFiles(_compiler.Directory, "*.csx").Order(StringComparer.Ordinal)
        : [];

    /// <summary>Compiles and loads every script for the kernel's first strategies; scripts that fail are logged and skipped.</summary>
    public List<(string Id, IStrategy Strategy)> LoadInitial()
    {
        var loaded = new List<(string, IStrategy)>();
        foreach (var file in Files)
        {
            if (TryLoad(file, predecessor: null) is { } strategy)
            {
                _running[strategy.Script.Id] = strategy;
                loaded.Add((strategy.Script.Id, strategy));
            }
        }

        return loaded;
    }

    /// <summary>Watches the folder until <paramref name="stop"/>, applying each settled change in turn.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        Directory.CreateDirectory(_compiler.Directory);
        using var watcher = new FileSystemWatcher(_compiler.Directory, "*.csx")
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, e) => Touch(e.FullPath);
        watcher.Created += (_, e) => Touch(e.FullPath);
        watcher.Deleted += (_, e) => Touch(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Touch(e.OldFullPath);
            Touch(e.FullPath);
        };
        watcher.EnableRaisingEvents = true;
        _log.Information("Watching {Directory} for script changes", _compiler.Directory);

        try
        {
            await foreach (var path in _settled.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                await ApplyAsync(path, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Applies the current state of one script file now: start, replace or stop it. Callers (the watcher, an
    /// operator's reload) take turns: one script is applied at a time.
    /// </summary>
    public async Task ApplyAsync(string path, CancellationToken stop)
    {
        await _applying.WaitAsync(stop).ConfigureAwait(false);
        try
        {
            await ApplyCoreAsync(path, stop).ConfigureAwait(false);
        }
        finally
        {
            _applying.Release();
        }
    }

    private async Task ApplyCoreAsync(string path, CancellationToken stop)
    {
        var full = Path.GetFullPath(path);
        var id = ScriptCompiler.IdOf(full);
        _running.TryGetValue(id, out var current);
        if (!File.Exists(full))
        {
            if (current is null)
            {
                return;
            }

            await SwapAsync(id, null, stop).ConfigureAwait(false);
            _running.Remove(id);
            Retire(current);
            _log.Information("Script {Id} stopped: its file was deleted", id);
            Changed?.Invoke(new ScriptChange(id, ScriptChangeKind.Stopped, []));
            return;
        }

        var next = TryLoad(full, current);
        if (next is null)
        {
            return;
        }

        await SwapAsync(id, next, stop).ConfigureAwait(false);
        _running[id] = next;
        if (current is not null)
        {
            Retire(current);
        }

        Changed?.Invoke(new ScriptChange(id, current is null ? ScriptChangeKind.Started : ScriptChangeKind.Reloaded, []));
    }

    private void Retire(ScriptStrategy version)
    {
        version.Script.Unload();
        Retired.RemoveAll(w => !w.IsAlive);
        Retired.Add(version.Script.Unloaded);
    }

    private async Task SwapAsync(string id, ScriptStrategy? replacement, CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IReadOnlyList<IStrategy> replacements = replacement is null ? [] : [replacement];
        var kernel = _kernel ?? throw new InvalidOperationException("the script host is not attached to a kernel");
        await kernel.WriteAsync(new StrategySwapInput(id, replacements, _symbols, done), stop).ConfigureAwait(false);
        await done.Task.WaitAsync(stop).ConfigureAwait(false);
    }

    private ScriptStrategy? TryLoad(string path, ScriptStrategy? predecessor)
    {
        var compiled = _compiler.Compile(path);
        foreach (var warning in compiled.Diagnostics.Where(d => !d.IsError))
        {
            _log.Warning("{Diagnostic}", warning.ToString());
        }

        if (!compiled.Succeeded)
        {
            var errors = compiled.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
            _log.Error("Script {Id} did not compile{Keeping}:\n{Diagnostics}", compiled.Id, predecessor is null ? string.Empty : "; the previous version keeps running", string.Join("\n", errors));
            Changed?.Invoke(new ScriptChange(compiled.Id, ScriptChangeKind.CompileFailed, errors));
            return null;
        }

        try
        {
            var loaded = _compiler.Load(compiled);
            _log.Information("Script {Id} compiled in {Milliseconds:F0} ms", compiled.Id, compiled.Elapsed.TotalMilliseconds);
            return ScriptStrategy.Create(loaded, _warmup);
        }
        catch (ScriptLoadException ex)
        {
            _log.Error("Script {Id} did not start{Keeping}: {Reason}", compiled.Id, predecessor is null ? string.Empty : "; the previous version keeps running", ex.Message);
            Changed?.Invoke(new ScriptChange(compiled.Id, ScriptChangeKind.CompileFailed, [ex.Message]));
            return null;
        }
    }

    /// <summary>Restarts the debounce for <paramref name="path"/>; the path is applied once it stays quiet.</summary>
    private void Touch(string path)
    {
        if (!path.EndsWith(".csx", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        int generation;
        lock (_generation)
        {
            _generation[path] = generation = _generation.GetValueOrDefault(path) + 1;
        }

        _ = SettleAsync(path, generation);
    }

    private async Task SettleAsync(string path, int generation)
    {
        await Task.Delay(_debounce, _time).ConfigureAwait(false);
        lock (_generation)
        {
            if (_generation[path] != generation)
            {
                return; // a newer change restarted the wait
            }
        }

        _settled.Writer.TryWrite(path);
    }
}

/// <summary>What happened to a script.</summary>
internal enum ScriptChangeKind
{
    Started,
    Reloaded,
    Stopped,
    CompileFailed,
}

/// <summary>One change to a running script, with the diagnostics when it failed.</summary>
internal sealed record ScriptChange(string Id, ScriptChangeKind Kind, IReadOnlyList<string> Errors);
