namespace Ict.Engine.Plugins;

/// <summary>
/// One plugin folder as loaded: its context (null when refused before loading), the plugins it declares, and
/// the hash of its main assembly, which tells a real new build from a touch of the same one.
/// </summary>
internal sealed class PluginFolder(string path, PluginLoadContext? context, IReadOnlyList<PluginDescriptor> plugins, string? sha256)
{
    public string Path { get; } = path;

    public IReadOnlyList<PluginDescriptor> Plugins { get; } = plugins;

    public string? Sha256 { get; } = sha256;

    public bool IsLoaded => context is not null;

    /// <summary>The same folder and context with updated descriptors (a plugin faulted).</summary>
    public PluginFolder WithPlugins(IReadOnlyList<PluginDescriptor> plugins) => new(Path, context, plugins, Sha256);

    /// <summary>
    /// Starts unloading the context and returns a weak reference to it: once nothing holds the plugin's types the
    /// reference dies. The caller must drop its own references to the plugin first.
    /// </summary>
    public WeakReference? Unload()
    {
        if (context is null)
        {
            return null;
        }

        var weak = new WeakReference(context, trackResurrection: true);
        context.Unload();
        context = null;
        return weak;
    }
}
