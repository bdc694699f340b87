using System.Security.Cryptography;
using System.Threading.Channels;

namespace Ict.Engine.Configuration;

/// <summary>
/// Watches the config file and reloads it after it has been quiet for a moment (editors save in several writes).
/// A file that does not load (half-written, invalid) is reported and ignored: what runs keeps running. The
/// callback runs on the watcher's own task, never on the kernel thread.
/// </summary>
public sealed class ConfigWatcher : IAsyncDisposable
{
    private readonly string _path;
    private readonly Func<string, EngineConfig> _load;
    private readonly Action<EngineConfig> _apply;
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time;
    private readonly TimeSpan _quiet;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _lastHash;

    public ConfigWatcher(string path, Func<string, EngineConfig> load, Action<EngineConfig> apply, Serilog.ILogger log, TimeProvider time, TimeSpan? quiet = null)
    {
        _path = Path.GetFullPath(path);
        _load = load;
        _apply = apply;
        _log = log;
        _time = time;
        _quiet = quiet ?? TimeSpan.FromMilliseconds(300);
        _lastHash = Hash();
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
        _watcher.EnableRaisingEvents = true;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Each reload's outcome: <c>applied</c>, <c>unchanged</c> or <c>rejected: why</c> (for tests and the TUI).</summary>
    public Channel<string> Outcomes { get; } = Channel.CreateUnbounded<string>();

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (await _changes.Reader.WaitToReadAsync(token).ConfigureAwait(false))
        {
            await Task.Delay(_quiet, _time, token).ConfigureAwait(false);
            while (_changes.Reader.TryRead(out _))
            {
                // coalesce a burst of change events into one reload
            }

            Outcomes.Writer.TryWrite(Reload());
        }
    }

    private string Reload()
    {
        string hash;
        try
        {
            hash = Hash();
        }
        catch (IOException ex)
        {
            return $"rejected: {ex.Message}";
        }

        if (hash == _lastHash)
        {
            return "unchanged";
        }

        try
        {
            var config = _load(_path);
            _apply(config);
            _lastHash = hash;
            _log.Information("Reloaded {Config}", Path.GetFileName(_path));
            return "applied";
        }
        catch (Exception ex)
        {
            // A bad edit (or a notifier that refuses its new settings) must not stop the engine: keep what runs.
            var why = ex is ConfigException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            _log.Warning("{Config} changed but was not applied; keeping what runs: {Error}", Path.GetFileName(_path), why);
            return $"rejected: {why}";
        }
    }

    private string Hash()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
