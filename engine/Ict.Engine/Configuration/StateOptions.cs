using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>Where the engine keeps its state.</summary>
public sealed record StateOptions
{
    /// <summary>SQLite file path, relative to the config file.</summary>
    [Required]
    [MinLength(1)]
    public string Database { get; init; } = "state/ict.db";

    /// <summary>Store every candle the engine sees (needed to warm strategies up from the store).</summary>
    public bool RecordCandles { get; init; } = true;

    /// <summary>Journal pattern detections and updates as events, besides the patterns table.</summary>
    public bool JournalPatterns { get; init; } = true;
}
