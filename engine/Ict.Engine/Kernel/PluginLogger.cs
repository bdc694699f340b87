using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>A plugin's log: the engine's Serilog logger with the plugin id attached.</summary>
internal sealed class PluginLogger(Serilog.ILogger log, string pluginId) : IPluginLogger
{
    private readonly Serilog.ILogger _log = log.ForContext("Plugin", pluginId);

    public void Info(string message) => _log.Information("[{Plugin}] {Message}", pluginId, message);

    public void Warning(string message) => _log.Warning("[{Plugin}] {Message}", pluginId, message);

    public void Error(string message, Exception? exception = null) => _log.Error(exception, "[{Plugin}] {Message}", pluginId, message);
}
