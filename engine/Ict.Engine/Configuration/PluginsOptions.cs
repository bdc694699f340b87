using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>Where plugins are found.</summary>
public sealed record PluginsOptions
{
    /// <summary>Folders holding one sub-folder per plugin, relative to the config file.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> Directories { get; init; } = ["artifacts/plugins"];
}
