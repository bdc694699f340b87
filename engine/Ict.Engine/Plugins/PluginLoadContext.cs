using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Ict.Engine.Plugins;

/// <summary>
/// One collectible load context per plugin folder. The plugin API (<c>Ict.Abstractions</c>, <c>Ict.Indicators</c>)
/// and the framework always resolve to the host's copies, so types match even when the folder ships its own copy;
/// private dependencies resolve from the folder through its <c>.deps.json</c>, so two plugins may use two versions
/// of one library. Native libraries come from the folder's <c>runtimes/&lt;rid&gt;/native</c>. Managed assemblies
/// are read into memory so the files are never locked and can be overwritten while the engine runs.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> SharedAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ict.Abstractions",
        "Ict.Indicators",
    };

    /// <summary>The assemblies of the shared framework the host runs on (System.*, Microsoft.*, netstandard...).</summary>
    private static readonly HashSet<string> FrameworkAssemblies = new(
        Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Select(f => Path.GetFileNameWithoutExtension(f)),
        StringComparer.OrdinalIgnoreCase);

    private readonly string _folder;
    private readonly string _mainAssemblyPath;
    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string mainAssemblyPath)
        : base(name: $"plugin:{Path.GetFileName(Path.GetDirectoryName(mainAssemblyPath))}", isCollectible: true)
    {
        _mainAssemblyPath = mainAssemblyPath;
        _folder = Path.GetDirectoryName(mainAssemblyPath)!;
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    /// <summary>True when <paramref name="name"/> always comes from the host, whatever the folder ships.</summary>
    public static bool IsShared(string name) => SharedAssemblies.Contains(name) || FrameworkAssemblies.Contains(name);

    public Assembly LoadMain() => LoadFromBytes(_mainAssemblyPath);

    /// <summary>True when <paramref name="name"/> is the host's to give, or the folder has it (per its .deps.json).</summary>
    public bool CanResolve(AssemblyName name) =>
        name.Name is null || IsShared(name.Name) || _resolver.ResolveAssemblyToPath(name) is not null;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || IsShared(assemblyName.Name))
        {
            return null; // the host's copy, from the default context
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromBytes(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) ?? ProbeNative(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>Falls back to <c>runtimes/&lt;rid&gt;/native</c> when the .deps.json does not list the library.</summary>
    private string? ProbeNative(string name)
    {
        var folder = Path.Combine(_folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        if (!Directory.Exists(folder))
        {
            folder = Path.Combine(_folder, "runtimes", PortableRid(), "native");
        }

        if (!Directory.Exists(folder))
        {
            return null;
        }

        string[] candidates = [name, name + ".so", "lib" + name + ".so", name + ".dylib", "lib" + name + ".dylib", name + ".dll"];
        return candidates.Select(c => Path.Combine(folder, c)).FirstOrDefault(File.Exists);
    }

    private static string PortableRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
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
