using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>Where and how much the engine logs.</summary>
public sealed record LoggingOptions
{
    /// <summary>Folder for the rolling log files, relative to the config file.</summary>
    [Required]
    public string Directory { get; init; } = "logs";

    public LogLevel Level { get; init; } = LogLevel.Information;

    [Range(1, 365)]
    public int RetainedFiles { get; init; } = 14;

    /// <summary>Also write <c>ict-YYYYMMDD.json</c>: one JSON object per event, for log shippers (Loki, Elastic, jq).</summary>
    public bool JsonFile { get; init; }
}

/// <summary>Log levels, least to most severe.</summary>
public enum LogLevel
{
    Debug = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
}
