using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>Where candles come from.</summary>
public sealed record MarketDataOptions
{
    public MarketDataSource Source { get; init; } = MarketDataSource.Replay;

    public ReplayOptions Replay { get; init; } = new();
}

/// <summary>The kinds of market-data feed.</summary>
public enum MarketDataSource
{
    /// <summary>Candles replayed from CSV files at full speed on a simulated clock.</summary>
    Replay = 1,
}

/// <summary>The replay feed's files.</summary>
public sealed record ReplayOptions : IValidatableObject
{
    public IReadOnlyList<ReplayFileOptions> Files { get; init; } = [];

    /// <summary>Funding-rate series to charge open positions: <c>{ "symbol", "path" }</c>.</summary>
    public IReadOnlyList<FundingFileOptions> Funding { get; init; } = [];

    /// <summary>Close positions still open when the data ends, at the last close (exit reason EndOfData).</summary>
    public bool ClosePositionsAtEnd { get; init; } = true;

    /// <summary>
    /// Replay pace in candles per wall-clock second; 0 (the default) replays as fast as possible. A paced replay keeps
    /// the engine running long enough to watch it, or to drop in, replace and remove plugins while it trades.
    /// </summary>
    [Range(0, 1_000_000)]
    public double CandlesPerSecond { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Files.Count == 0)
        {
            yield return new ValidationResult("list at least one candle file to replay", [nameof(Files)]);
        }
    }
}

/// <summary>One funding-rate file (rate in the second column, times in Unix ms).</summary>
public sealed record FundingFileOptions
{
    [Required]
    [RegularExpression("^[A-Z0-9]{1,32}$", ErrorMessage = "must be a symbol like BTCUSDT")]
    public string Symbol { get; init; } = string.Empty;

    [Required]
    [MinLength(1)]
    public string Path { get; init; } = string.Empty;
}

/// <summary>One candle file of the replay feed.</summary>
public sealed record ReplayFileOptions
{
    [Required]
    [RegularExpression("^[A-Z0-9]{1,32}$", ErrorMessage = "must be a symbol like BTCUSDT")]
    public string Symbol { get; init; } = string.Empty;

    [Required]
    [RegularExpression("^(1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w)$", ErrorMessage = "must be one of 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w")]
    public string Interval { get; init; } = string.Empty;

    /// <summary>CSV path, relative to the config file.</summary>
    [Required]
    [MinLength(1)]
    public string Path { get; init; } = string.Empty;
}
