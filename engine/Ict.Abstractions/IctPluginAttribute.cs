namespace Ict.Abstractions;

/// <summary>
/// Declares a class as an IctPlugins plugin: its id, kind, version and the plugin API version it targets.
/// The class must be public, have a public parameterless constructor and implement the interface of its kind.
/// </summary>
/// <example><code>[IctPlugin("my.strategy", PluginKind.Strategy, "1.2.0", PluginApi.Version)]</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class IctPluginAttribute : Attribute
{
    /// <summary>Declares a plugin.</summary>
    /// <param name="id">Stable identifier used in <c>engine.json</c>, for example <c>ict.ob-fvg</c>.</param>
    /// <param name="kind">What the plugin does.</param>
    /// <param name="version">The plugin's own version, for example <c>1.0.0</c>.</param>
    /// <param name="apiVersion">The plugin API version the plugin was built against; pass <see cref="PluginApi.Version"/>.</param>
    public IctPluginAttribute(string id, PluginKind kind, string version, int apiVersion)
    {
        Id = id;
        Kind = kind;
        Version = version;
        ApiVersion = apiVersion;
    }

    /// <summary>Stable identifier used in <c>engine.json</c>.</summary>
    public string Id { get; }

    /// <summary>What the plugin does.</summary>
    public PluginKind Kind { get; }

    /// <summary>The plugin's own version.</summary>
    public string Version { get; }

    /// <summary>The plugin API version the plugin was built against.</summary>
    public int ApiVersion { get; }
}
