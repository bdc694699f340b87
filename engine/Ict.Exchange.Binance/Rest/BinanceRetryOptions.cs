namespace Ict.Exchange.Binance.Rest;

/// <summary>How retryable REST failures are retried. Jitter comes from a seeded generator, so runs repeat.</summary>
public sealed record BinanceRetryOptions
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public int JitterSeed { get; init; } = 7;
}
