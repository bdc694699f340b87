namespace Ict.Abstractions;

/// <summary>Facts about the plugin API itself.</summary>
public static class PluginApi
{
    /// <summary>
    /// The version of this plugin API. A plugin compiled against this assembly bakes this constant into its
    /// <see cref="IctPluginAttribute"/>, so the host can refuse a plugin built for another version.
    /// </summary>
    public const int Version = 1;
}
