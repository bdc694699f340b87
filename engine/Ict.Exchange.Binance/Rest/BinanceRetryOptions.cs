namespace Ict.Exchange.Binance.Rest;

/// <summary>How retryable REST failures are retried. Jitter comes from a seeded generator, so runs repeat.</summary>
public sealed record BinanceRetryOptions
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public int JitterSeed { get; init; } = 7;

    /// <summary>
    /// The longest a call waits in line for a Retry-After or rate-limit window. Longer (a 418 ban lasts up to
    /// 3 days) and the call fails at once with the time the ban ends, sending nothing.
    /// </summary>
    public TimeSpan MaxInlineWait { get; init; } = TimeSpan.FromMinutes(2);
}
