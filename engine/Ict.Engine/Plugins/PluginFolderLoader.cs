using System.Reflection;
using Ict.Abstractions;

namespace Ict.Engine.Plugins;

/// <summary>
/// Loads one plugin folder into its own context and validates what it declares. Every failure becomes a
/// quarantined descriptor with a reason a plugin author can act on; nothing here throws for a bad plugin.
/// </summary>
internal static class PluginFolderLoader
{
    /// <summary>The main assembly of a plugin folder: <c>Name.dll</c> beside <c>Name.deps.json</c>, else <c>Folder.dll</c>.</summary>
    public static string? FindMainAssembly(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var deps = Directory.GetFiles(folder, "*.deps.json").Order(StringComparer.Ordinal).FirstOrDefault();
        var main = deps is null ? Path.Combine(folder, Path.GetFileName(folder) + ".dll") : deps[..^".deps.json".Length] + ".dll";
        return File.Exists(main) ? main : null;
    }

    /// <summary>Loads <paramref name="folder"/>; null when it is not a plugin folder at all.</summary>
    /// <param name="folder">The plugin folder.</param>
    /// <param name="trust">What may load.</param>
    /// <param name="owner">The folder that already provides a loaded plugin with this id, if any.</param>
    public static PluginFolder? Load(string folder, PluginTrust trust, Func<string, string?> owner)
    {
        var main = FindMainAssembly(folder);
        if (main is null)
        {
            return null;
        }

        var refusal = PluginTrust.DirectoryProblem(folder) ?? trust.AssemblyProblem(folder) ?? AssemblyProbe.Problem(main);
        if (refusal is not null)
        {
            return Refused(folder, refusal);
        }

        var sha = PluginTrust.Sha256(main);
        var context = new PluginLoadContext(main);
        var problem = TryLoad(context, out var types);
        if (problem is not null)
        {
            context.Unload();
            return Refused(folder, problem, sha);
        }

        var plugins = new List<PluginDescriptor>();
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetCustomAttribute<IctPluginAttribute>() is { } declared)
            {
                plugins.Add(Describe(type, declared, folder, id => owner(id) ?? plugins.FirstOrDefault(p => p.Id == id && p.State == PluginState.Loaded)?.Path));
            }
        }

        if (plugins.Count == 0)
        {
            context.Unload();
            return Refused(folder, $"{Path.GetFileName(main)} declares no class with [IctPlugin]", sha);
        }

        if (plugins.All(p => p.State != PluginState.Loaded))
        {
            context.Unload();
            return new PluginFolder(folder, null, plugins, sha);
        }

        return new PluginFolder(folder, context, plugins, sha);
    }

    private static string? TryLoad(PluginLoadContext context, out Type[] types)
    {
        types = [];
        Assembly assembly;
        try
        {
            assembly = context.LoadMain();
        }
        catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
        {
            return $"cannot load the assembly: {ex.Message}";
        }

        foreach (var reference in assembly.GetReferencedAssemblies())
        {
            // Private dependencies must come with the plugin: borrowing whatever the host happens to load would
            // work by accident, with the host's version.
            if (!context.CanResolve(reference))
            {
                return $"missing dependency {reference.Name} {reference.Version}: it is not in the plugin folder (or its .deps.json), and only the plugin API and the framework come from the host";
            }

            try
            {
                context.LoadFromAssemblyName(reference);
            }
            catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return $"missing dependency {reference.Name} {reference.Version}: not in the folder's .deps.json nor in the host ({ex.GetType().Name})";
            }
        }

        try
        {
            types = assembly.GetTypes();
            return null;
        }
        catch (ReflectionTypeLoadException ex)
        {
            return $"cannot load its types: {ex.LoaderExceptions.FirstOrDefault()?.Message ?? ex.Message}";
        }
    }

    private static PluginFolder Refused(string folder, string reason, string? sha = null) =>
        new(folder, null, [new PluginDescriptor(Path.GetFileName(folder), null, "?", 0, folder, PluginState.Quarantined, reason)], sha);

    private static PluginDescriptor Describe(Type type, IctPluginAttribute declared, string folder, Func<string, string?> owner)
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
            problem = $"built for plugin API v{declared.ApiVersion}, but this engine offers v{PluginApi.Version}: rebuild it against Ict.Abstractions {PluginApi.Version}";
        }
        else if (!expected.IsAssignableFrom(type))
        {
            problem = $"declares kind {declared.Kind} but {type.FullName} does not implement {expected.Name}";
        }
        else if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            problem = $"{type.FullName} needs a public parameterless constructor";
        }
        else if (owner(declared.Id) is { } other)
        {
            problem = $"another plugin already uses the id '{declared.Id}' (in {other})";
        }

        return problem is null ? descriptor : descriptor with { State = PluginState.Quarantined, Reason = problem, Type = null };
    }
}
