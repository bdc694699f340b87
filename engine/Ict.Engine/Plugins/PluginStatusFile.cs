using System.Diagnostics;
using System.Text.Json;
using Ict.Abstractions;

namespace Ict.Engine.Plugins;

/// <summary>
/// The running engine's view of its plugins (faulted, unloaded, leaked), written beside the state database so that
/// <c>ict plugins list</c> in another terminal shows live states rather than a fresh scan of the folders.
/// </summary>
public static class PluginStatusFile
{
    private static readonly Lock Gate = new();

    public static string PathFor(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath))!, "plugins.json");

    public static void Write(string path, IReadOnlyList<PluginDescriptor> plugins)
    {
        var status = new Status(Environment.ProcessId, [.. plugins.Select(p => new Row(p.Id, p.Kind, p.Version, p.ApiVersion, p.Path, p.State, p.Reason))]);
        lock (Gate)
        {
            var temp = path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(status));
            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>The live plugin states of an engine that is still running; null when none is.</summary>
    public static IReadOnlyList<PluginDescriptor>? ReadLive(string path)
    {
        Status? status;
        try
        {
            status = JsonSerializer.Deserialize<Status>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }

        if (status is null || !IsRunning(status.Pid))
        {
            return null;
        }

        return status.Plugins.Select(r => new PluginDescriptor(r.Id, r.Kind, r.Version, r.ApiVersion, r.Path, r.State, r.Reason)).ToList();
    }

    public static void Delete(string path)
    {
        lock (Gate)
        {
            File.Delete(path);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed record Status(int Pid, List<Row> Plugins);

    private sealed record Row(string Id, PluginKind? Kind, string Version, int ApiVersion, string Path, PluginState State, string? Reason);
}
