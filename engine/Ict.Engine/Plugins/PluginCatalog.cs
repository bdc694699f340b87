namespace Ict.Engine.Plugins;

/// <summary>
/// Every plugin found in the plugin directories, loaded or not, with its state and the reason for any failure.
/// Each sub-folder of a plugin directory is one plugin folder (see <see cref="PluginFolderLoader"/>). The host
/// updates the catalog as folders come, change and go; readers get consistent snapshots.
/// </summary>
public sealed class PluginCatalog
{
    private readonly Lock _gate = new();
    private readonly List<PluginFolder> _folders = [];
    private readonly List<PluginDescriptor> _gone = [];
    private readonly Dictionary<string, int> _faults = new(StringComparer.Ordinal);

    /// <summary>Raised after the catalog changed (a folder loaded, reloaded or removed; a plugin faulted).</summary>
    public event Action<PluginCatalog>? Changed;

    public IReadOnlyList<PluginDescriptor> Plugins
    {
        get
        {
            lock (_gate)
            {
                return [.. _folders.SelectMany(f => f.Plugins), .. _gone];
            }
        }
    }

    public static PluginCatalog Discover(IEnumerable<string> directories) => Discover(directories, PluginTrust.Open);

    public static PluginCatalog Discover(IEnumerable<string> directories, PluginTrust trust)
    {
        var catalog = new PluginCatalog();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            if (PluginTrust.DirectoryProblem(directory) is { } refused)
            {
                catalog._gone.Add(new PluginDescriptor(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), null, "?", 0, directory, PluginState.Quarantined, refused));
                continue;
            }

            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                catalog.Load(folder, trust);
            }
        }

        return catalog;
    }

    /// <summary>
    /// Loads one plugin folder as the engine would, validates it, and unloads it again. Null when the folder holds no
    /// plugin assembly at all.
    /// </summary>
    public static IReadOnlyList<PluginDescriptor>? Check(string folder, PluginTrust trust)
    {
        var loaded = PluginFolderLoader.Load(folder, trust, _ => null);
        if (loaded is null)
        {
            return null;
        }

        var plugins = loaded.Plugins.Select(p => p with { Type = null }).ToList();
        loaded.Unload();
        return plugins;
    }

    public PluginDescriptor? Find(string id)
    {
        var plugins = Plugins;
        return plugins.FirstOrDefault(p => p.Id == id && p.State == PluginState.Loaded) ?? plugins.FirstOrDefault(p => p.Id == id);
    }

    /// <summary>Loads a folder (not yet in the catalog) and records it; null when it is not a plugin folder.</summary>
    internal PluginFolder? Load(string folder, PluginTrust trust)
    {
        var loaded = PluginFolderLoader.Load(folder, trust, OwnerOf);
        if (loaded is not null)
        {
            Replace(folder, loaded);
        }

        return loaded;
    }

    /// <summary>Builds a new version of a folder without recording it, checking ids against the other folders.</summary>
    internal PluginFolder? Build(string folder, PluginTrust trust) =>
        PluginFolderLoader.Load(folder, trust, id => OwnerOf(id) is { } owner && !SamePath(owner, folder) ? owner : null);

    internal PluginFolder? Folder(string path)
    {
        lock (_gate)
        {
            return _folders.FirstOrDefault(f => SamePath(f.Path, path));
        }
    }

    /// <summary>Records <paramref name="folder"/> in place of whatever was recorded for its path.</summary>
    internal void Replace(string path, PluginFolder? folder)
    {
        lock (_gate)
        {
            _folders.RemoveAll(f => SamePath(f.Path, path));
            _gone.RemoveAll(p => SamePath(p.Path, path));
            if (folder is not null)
            {
                _folders.Add(folder);
                _folders.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            }
        }

        Changed?.Invoke(this);
    }

    /// <summary>Records plugins that are no longer loaded (removed, or replaced and leaked), with why.</summary>
    internal void RecordGone(IEnumerable<PluginDescriptor> plugins)
    {
        lock (_gate)
        {
            _gone.RemoveAll(g => plugins.Any(p => p.Id == g.Id && SamePath(p.Path, g.Path)));
            _gone.AddRange(plugins);
        }

        Changed?.Invoke(this);
    }

    /// <summary>How many times <paramref name="id"/> has faulted since the engine started.</summary>
    internal int FaultCount(string id)
    {
        lock (_gate)
        {
            return _faults.GetValueOrDefault(id);
        }
    }

    /// <summary>Counts a fault of a build that never ran (it failed to start).</summary>
    internal void CountFault(string id)
    {
        lock (_gate)
        {
            _faults[id] = _faults.GetValueOrDefault(id) + 1;
        }
    }

    /// <summary>Marks a loaded plugin faulted (it stays loaded, but receives no more events).</summary>
    internal void MarkFaulted(string id, string reason)
    {
        lock (_gate)
        {
            _faults[id] = _faults.GetValueOrDefault(id) + 1;
            for (var i = 0; i < _folders.Count; i++)
            {
                var folder = _folders[i];
                if (folder.Plugins.Any(p => p.Id == id))
                {
                    _folders[i] = folder.WithPlugins(folder.Plugins.Select(p => p.Id == id ? p with { State = PluginState.Faulted, Reason = reason } : p).ToList());
                }
            }
        }

        Changed?.Invoke(this);
    }

    private string? OwnerOf(string id)
    {
        lock (_gate)
        {
            return _folders.SelectMany(f => f.Plugins).FirstOrDefault(p => p.Id == id && p.State is PluginState.Loaded or PluginState.Faulted)?.Path;
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
