using Ict.Engine.Plugins;

namespace Ict.Console.Commands;

/// <summary><c>ict plugins check PATH</c>: loads one folder as the engine would, reports, and unloads it.</summary>
internal static class PluginCheck
{
    public const int Invalid = 1;

    public static int Run(string path)
    {
        var folder = Path.GetFullPath(path);
        if (!Directory.Exists(folder))
        {
            System.Console.Error.WriteLine($"{folder}: no such folder");
            return Invalid;
        }

        var plugins = PluginCatalog.Check(folder, PluginTrust.Open);
        if (plugins is null)
        {
            System.Console.Error.WriteLine($"{folder}: not a plugin folder: expected Name.dll beside Name.deps.json (the output of dotnet build with EnableDynamicLoading)");
            return Invalid;
        }

        var valid = plugins.All(p => p.State == PluginState.Loaded);
        foreach (var plugin in plugins)
        {
            var line = $"{plugin.Id} {plugin.Kind?.ToString().ToLowerInvariant() ?? "?"} {plugin.Version} api v{plugin.ApiVersion}: {(plugin.State == PluginState.Loaded ? "ok" : plugin.State.ToString().ToLowerInvariant() + ": " + plugin.Reason)}";
            (plugin.State == PluginState.Loaded ? System.Console.Out : System.Console.Error).WriteLine(line);
        }

        foreach (var dll in Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            System.Console.WriteLine($"  sha256 {PluginTrust.Sha256(dll)}  {Path.GetRelativePath(folder, dll)}");
        }

        return valid ? 0 : Invalid;
    }
}
