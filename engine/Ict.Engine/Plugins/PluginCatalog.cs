using System.Reflection;
using Ict.Abstractions;

namespace Ict.Engine.Plugins;

/// <summary>
/// Finds plugins: every sub-folder of a plugin directory that holds <c>Name.deps.json</c> and <c>Name.dll</c> is
/// loaded into its own context and searched for classes marked <see cref="IctPluginAttribute"/>. A folder that
/// fails to load, or a plugin built for another API version, is recorded with its reason; the rest load.
/// </summary>
public sealed class PluginCatalog
{
    private readonly List<PluginDescriptor> _plugins = [];

    public IReadOnlyList<PluginDescriptor> Plugins => _plugins;

    public static PluginCatalog Discover(IEnumerable<string> directories)
    {
        var catalog = new PluginCatalog();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                catalog.LoadFolder(folder);
            }
        }

        return catalog;
    }

    public PluginDescriptor? Find(string id) =>
        _plugins.FirstOrDefault(p => p.Id == id && p.State == PluginState.Loaded)
        ?? _plugins.FirstOrDefault(p => p.Id == id);

    private void LoadFolder(string folder)
    {
        var deps = Directory.GetFiles(folder, "*.deps.json").Order(StringComparer.Ordinal).FirstOrDefault();
        var main = deps is null ? null : deps[..^".deps.json".Length] + ".dll";
        if (main is null || !File.Exists(main))
        {
            return; // not a plugin folder
        }

        Assembly assembly;
        try
        {
            assembly = new PluginLoadContext(main).LoadMain();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
        {
            _plugins.Add(new PluginDescriptor(Path.GetFileName(folder), null, "?", 0, folder, PluginState.Quarantined, $"cannot load {Path.GetFileName(main)}: {ex.Message}"));
            return;
        }

        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var why = ex.LoaderExceptions.FirstOrDefault()?.Message ?? ex.Message;
            _plugins.Add(new PluginDescriptor(Path.GetFileName(folder), null, "?", 0, folder, PluginState.Quarantined, $"cannot load its types: {why}"));
            return;
        }

        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetCustomAttribute<IctPluginAttribute>() is { } declared)
            {
                _plugins.Add(Describe(type, declared, folder));
            }
        }
    }

    private PluginDescriptor Describe(Type type, IctPluginAttribute declared, string folder)
    {
        var descriptor = new PluginDescriptor(declared.Id, declared.Kind, declared.Version, declared.ApiVersion, folder, PluginState.Loaded, null) { Type = type };
        var expected = declared.Kind switch
        {
            PluginKind.Strategy => typeof(IStrategy),
            PluginKind.Risk => typeof(IRiskManager),
            _ => typeof(INotifier),
        };

        string? problem = null;
        if (declared.ApiVersion != PluginApi.Version)
        {
            problem = $"built for plugin API v{declared.ApiVersion}, but this engine runs v{PluginApi.Version}: rebuild it against Ict.Abstractions {PluginApi.Version}";
        }
        else if (!expected.IsAssignableFrom(type))
        {
            problem = $"declares kind {declared.Kind} but {type.FullName} does not implement {expected.Name}";
        }
        else if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            problem = $"{type.FullName} needs a public parameterless constructor";
        }
        else if (_plugins.Any(p => p.Id == declared.Id && p.State == PluginState.Loaded))
        {
            problem = $"another plugin already uses the id '{declared.Id}'";
        }

        return problem is null ? descriptor : descriptor with { State = PluginState.Quarantined, Reason = problem };
    }
}
