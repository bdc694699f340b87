using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>Where the engine keeps its state.</summary>
public sealed record StateOptions
{
    /// <summary>SQLite file path, relative to the config file.</summary>
    [Required]
    [MinLength(1)]
    public string Database { get; init; } = "state/ict.db";
}
