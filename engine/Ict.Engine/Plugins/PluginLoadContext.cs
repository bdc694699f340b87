using System.Reflection;
using System.Runtime.Loader;

namespace Ict.Engine.Plugins;

/// <summary>
/// One collectible load context per plugin folder. The plugin API (<c>Ict.Abstractions</c>, <c>Ict.Indicators</c>)
/// and the framework always resolve to the host's copies, so types match even when the folder ships its own copy;
/// private dependencies resolve from the folder through its <c>.deps.json</c>. Assemblies are read into memory so
/// the files are never locked and can be overwritten while the engine runs.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath)
    : AssemblyLoadContext(name: $"plugin:{Path.GetFileName(Path.GetDirectoryName(mainAssemblyPath))}", isCollectible: true)
{
    private static readonly HashSet<string> SharedAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ict.Abstractions",
        "Ict.Indicators",
    };

    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    public Assembly LoadMain() => LoadFromBytes(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || SharedAssemblies.Contains(assemblyName.Name))
        {
            return null; // the host's copy
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromBytes(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private Assembly LoadFromBytes(string path)
    {
        using var image = new MemoryStream(File.ReadAllBytes(path));
        var pdbPath = Path.ChangeExtension(path, ".pdb");
        if (!File.Exists(pdbPath))
        {
            return LoadFromStream(image);
        }

        using var symbols = new MemoryStream(File.ReadAllBytes(pdbPath));
        return LoadFromStream(image, symbols);
    }
}
