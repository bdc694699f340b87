namespace Ict.Engine.Plugins;

/// <summary>A plugin threw while it was being created or started; the plugin is faulted, the engine goes on.</summary>
public sealed class PluginFaultException(string pluginId, string reason, Exception? inner = null)
    : Exception($"plugin '{pluginId}' faulted: {reason}", inner)
{
    public string PluginId { get; } = pluginId;

    public string Reason { get; } = reason;
}
