namespace Ict.Engine.Tests.Plugins.Support;

/// <summary>
/// Plugin tests share process-wide things (the probe in AppContext data, GC-based unload checks), so they run one
/// at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PluginTestCollection
{
    public const string Name = "plugins";
}
