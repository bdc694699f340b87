using Ict.Abstractions;

namespace Ict.Engine.Plugins;

/// <summary>A plugin found on disk, whether or not it could be loaded.</summary>
public sealed record PluginDescriptor(
    string Id,
    PluginKind? Kind,
    string Version,
    int ApiVersion,
    string Path,
    PluginState State,
    string? Reason)
{
    internal Type? Type { get; init; }
}

/// <summary>Where a plugin is in its life.</summary>
public enum PluginState
{
    Loaded,
    Faulted,
    Quarantined,
    Unloaded,
}
