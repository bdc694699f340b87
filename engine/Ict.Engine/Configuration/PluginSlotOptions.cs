using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Ict.Engine.Configuration;

/// <summary>One plugin the engine runs: which one, on what, with which settings.</summary>
public sealed record PluginSlotOptions
{
    /// <summary>The plugin id, as declared by its <c>IctPlugin</c> attribute.</summary>
    [Required]
    [MinLength(1)]
    public string Plugin { get; init; } = string.Empty;

    public bool Enabled { get; init; } = true;

    /// <summary>Strategies only: the symbols it trades (default: every replayed symbol).</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Strategies only: the candle interval it reads (default: each symbol's feed interval).</summary>
    [RegularExpression("^(1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w)$", ErrorMessage = "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w")]
    public string? Interval { get; init; }

    /// <summary>Notifiers only: the notification kinds it is sent (default: all).</summary>
    public IReadOnlyList<Ict.Abstractions.NotificationKind>? Kinds { get; init; }

    /// <summary>The plugin's own settings, bound to its options record when it loads.</summary>
    public JsonElement? Settings { get; init; }
}
