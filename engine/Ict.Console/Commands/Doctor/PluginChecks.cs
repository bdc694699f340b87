using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Notifications;
using Ict.Engine.Plugins;
using Serilog.Core;
using Serilog.Events;

namespace Ict.Console.Commands.Doctor;

/// <summary>
/// The plugin directories (present, not writable by other users), every plugin found in them (loads and validates as
/// the engine would), and every configured slot (its plugin exists and accepts its settings).
/// </summary>
internal static class PluginChecks
{
    public static IEnumerable<DoctorLine> Run(EngineConfig config)
    {
        var options = config.Options.Plugins;
        var directories = options.Directories.Select(config.ResolvePath).ToList();
        foreach (var directory in directories)
        {
            yield return Directory(directory);
        }

        var catalog = PluginCatalog.Discover(directories, new PluginTrust(options.AllowedSha256));
        foreach (var plugin in catalog.Plugins.Where(p => !directories.Contains(p.Path)))
        {
            yield return plugin.State == PluginState.Loaded
                ? DoctorLine.Ok($"plugin {plugin.Id}", $"{plugin.Kind?.ToString().ToLowerInvariant()} {plugin.Version}, api v{plugin.ApiVersion}, {plugin.Path}")
                : DoctorLine.Fail($"plugin {plugin.Id}", $"{plugin.State.ToString().ToLowerInvariant()}: {plugin.Reason} ({plugin.Path})");
        }

        var strategies = config.Options.Strategies;
        for (var i = 0; i < strategies.Count; i++)
        {
            if (strategies[i].Enabled)
            {
                yield return Slot<IStrategy>(config, catalog, strategies[i], $"$.strategies[{i}]");
            }
        }

        if (config.Options.Risk is { } risk)
        {
            yield return Slot<IRiskManager>(config, catalog, risk, "$.risk");
        }

        foreach (var line in Notifiers(config, catalog))
        {
            yield return line;
        }
    }

    private static DoctorLine Directory(string directory)
    {
        const string name = "plugin-dir";
        if (!System.IO.Directory.Exists(directory))
        {
            return DoctorLine.Fail(name, $"{directory}: not found (build the plugins first: dotnet build)");
        }

        if (PluginTrust.DirectoryProblem(directory) is { } refused)
        {
            return DoctorLine.Fail(name, refused);
        }

        // The engine refuses a world-writable plugin directory; a world-writable folder or DLL inside it is as bad.
        if (!OperatingSystem.IsWindows())
        {
            foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
            {
                if ((File.GetUnixFileMode(entry) & UnixFileMode.OtherWrite) != 0)
                {
                    return DoctorLine.Fail(name, $"{entry} is world-writable: any local user could replace plugin code; run chmod -R o-w {directory}");
                }
            }
        }

        var folders = System.IO.Directory.GetDirectories(directory).Length;
        return DoctorLine.Ok(name, $"{directory}: {folders} plugin folder(s), not writable by other users");
    }

    private static DoctorLine Slot<T>(EngineConfig config, PluginCatalog catalog, PluginSlotOptions slot, string path)
        where T : class
    {
        var name = $"config {path}";
        if (catalog.Find(slot.Plugin) is not { } descriptor)
        {
            return DoctorLine.Fail(name, $"no plugin '{slot.Plugin}' in the plugin directories");
        }

        try
        {
            PluginActivator.Create<T>(descriptor, config, slot, path);
            return DoctorLine.Ok(name, $"{slot.Plugin} accepts its settings");
        }
        catch (ConfigException ex)
        {
            return DoctorLine.Fail(name, ex.Message.ReplaceLineEndings("; "));
        }
        catch (PluginFaultException ex)
        {
            return DoctorLine.Fail(name, $"{slot.Plugin} faulted: {ex.Reason}");
        }
    }

    private static IEnumerable<DoctorLine> Notifiers(EngineConfig config, PluginCatalog catalog)
    {
        const string name = "config $.notifiers";
        var said = new Collector();
        using var log = new Serilog.LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(said).CreateLogger();
        DoctorLine summary;
        try
        {
            var active = NotifierFactory.Create(config, catalog, log);
            summary = DoctorLine.Ok(name, $"{active.Count} active of {config.Options.Notifiers.Count(n => n.Enabled)} enabled");
        }
        catch (ConfigException ex)
        {
            summary = DoctorLine.Fail(name, ex.Message.ReplaceLineEndings("; "));
        }
        catch (PluginFaultException ex)
        {
            summary = DoctorLine.Fail(name, $"{ex.PluginId} faulted: {ex.Reason}");
        }

        yield return summary;
        foreach (var message in said.Messages)
        {
            yield return DoctorLine.Warn(name, message);
        }
    }

    /// <summary>Keeps what the notifier factory says about inactive notifiers (warnings and up, and "inactive" notes).</summary>
    private sealed class Collector : ILogEventSink
    {
        public List<string> Messages { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            var message = logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (logEvent.Level >= LogEventLevel.Warning || message.Contains("inactive", StringComparison.Ordinal))
            {
                Messages.Add(message);
            }
        }
    }
}
