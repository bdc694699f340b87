using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ict.Engine.Plugins;

/// <summary>
/// Watches plugin directories and reports a plugin folder once it has settled: no file event for the debounce
/// period, the same file sizes and times on two looks in a row, and a main assembly whose metadata reads cleanly
/// (copies land in pieces; a half-written DLL is normal and is simply waited out). A folder that disappears is
/// reported too. Reports come out of <see cref="Settled"/>, one folder path at a time.
/// </summary>
public sealed class PluginWatcher : IDisposable
{
    private const int MaxUnreadableLooks = 50;
    private const string Changing = "<changing>";

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Channel<string> _settled = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _time;
    private readonly TimeSpan _debounce;
    private readonly IReadOnlyList<string> _roots;

    public PluginWatcher(IEnumerable<string> directories, TimeSpan debounce, TimeProvider time)
    {
        _time = time;
        _debounce = debounce;
        _roots = directories.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).ToList();
        foreach (var root in _roots)
        {
            Directory.CreateDirectory(root);
            var watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Created += (_, e) => Touch(root, e.FullPath);
            watcher.Changed += (_, e) => Touch(root, e.FullPath);
            watcher.Deleted += (_, e) => Touch(root, e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Touch(root, e.OldFullPath);
                Touch(root, e.FullPath);
            };
            watcher.Error += (_, _) => Rescan(root);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Plugin folders that changed and have settled (or are gone).</summary>
    public ChannelReader<string> Settled => _settled.Reader;

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        foreach (var pending in _pending.Values)
        {
            pending.Timer.Dispose();
        }

        _settled.Writer.TryComplete();
    }

    private void Touch(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var first = relative.Split(Path.DirectorySeparatorChar, 2)[0];
        if (first is "." or ".." || first.Length == 0)
        {
            return;
        }

        var folder = Path.Combine(root, first);
        var pending = _pending.GetOrAdd(folder, f => new Pending(_time.CreateTimer(_ => Look(f), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan)));
        lock (pending)
        {
            pending.LastLook = null;
            pending.Timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>After an overflow the events are lost: look at every folder again.</summary>
    private void Rescan(string root)
    {
        foreach (var folder in Directory.Exists(root) ? Directory.GetDirectories(root) : [])
        {
            Touch(root, folder);
        }

        foreach (var known in _pending.Keys.Where(k => k.StartsWith(root, StringComparison.Ordinal)))
        {
            Touch(root, known);
        }
    }

    private void Look(string folder)
    {
        if (!_pending.TryGetValue(folder, out var pending))
        {
            return;
        }

        lock (pending)
        {
            var snapshot = Snapshot(folder);
            var main = PluginFolderLoader.FindMainAssembly(folder);
            var stable = snapshot == pending.LastLook && snapshot != Changing;
            var readable = main is null || AssemblyProbe.Problem(main) is null || ++pending.UnreadableLooks >= MaxUnreadableLooks;
            if (!stable || !readable)
            {
                pending.LastLook = snapshot;
                pending.Timer.Change(_debounce, Timeout.InfiniteTimeSpan);
                return;
            }

            pending.LastLook = null;
            pending.UnreadableLooks = 0;
        }

        _settled.Writer.TryWrite(folder);
    }

    /// <summary>Names, sizes and write times of every file in the folder, as one comparable string.</summary>
    private static string Snapshot(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "<gone>";
        }

        try
        {
            return string.Join('\n', new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .Select(f => $"{f.FullName}|{f.Length}|{f.LastWriteTimeUtc.Ticks}"));
        }
        catch (IOException)
        {
            return Changing;
        }
    }

    private sealed class Pending(ITimer timer)
    {
        public ITimer Timer { get; } = timer;

        public string? LastLook { get; set; }

        public int UnreadableLooks { get; set; }
    }
}
