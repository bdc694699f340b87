using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary><c>$.scripts</c>: hot-edited <c>.csx</c> strategies (see docs/scripts.md).</summary>
public sealed record ScriptsOptions
{
    /// <summary>The scripts folder, relative to the config file. Every top-level <c>*.csx</c> in it runs as a strategy.</summary>
    public string Directory { get; init; } = "scripts";

    /// <summary>Run the scripts. Off by default.</summary>
    public bool Enabled { get; init; }

    /// <summary>Recompile a script when it is saved while the engine runs.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>How many recent candles (per symbol) a reloaded script replays, muted, before its first live candle.</summary>
    [Range(0, 100_000)]
    public int WarmupCandles { get; init; } = 200;

    /// <summary>How long a script file must stay quiet after a change before it is recompiled.</summary>
    [Range(10, 60_000)]
    public int ReloadDebounceMilliseconds { get; init; } = 150;
}
