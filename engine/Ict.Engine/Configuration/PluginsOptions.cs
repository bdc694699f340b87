using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>Where plugins are found, which may load, and how they are watched and timed.</summary>
public sealed record PluginsOptions
{
    /// <summary>Folders holding one sub-folder per plugin, relative to the config file.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> Directories { get; init; } = ["artifacts/plugins"];

    /// <summary>
    /// Optional allow-list: when set, every <c>.dll</c> in a plugin folder must have one of these SHA-256 hashes
    /// (hex, case-insensitive) or the folder is refused. <c>ict plugins check</c> prints the hashes.
    /// </summary>
    public IReadOnlyList<string>? AllowedSha256 { get; init; }

    /// <summary>Watch the plugin directories while running: load new folders, reload changed ones, unload removed ones.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>How long a plugin folder must be quiet before it is (re)loaded.</summary>
    [Range(10, 60_000)]
    public int ReloadDebounceMilliseconds { get; init; } = 300;

    /// <summary>
    /// The most a strategy may take to handle one candle before it is marked faulted; 0 turns the budget off (the
    /// call then runs inline on the kernel thread).
    /// </summary>
    [Range(0, 600_000)]
    public int StrategyCallBudgetMilliseconds { get; init; } = 2_000;
}
