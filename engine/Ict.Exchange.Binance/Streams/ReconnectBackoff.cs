namespace Ict.Exchange.Binance.Streams;

/// <summary>Exponential backoff with seeded jitter: base·2^n capped at max, plus up to 50 % random extra.</summary>
public sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, int seed)
{
    private readonly Random _random = new(seed);
    private int _failures;

    public TimeSpan Next()
    {
        var exp = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, _failures), maxDelay.TotalMilliseconds);
        _failures = Math.Min(_failures + 1, 30);
        return TimeSpan.FromMilliseconds(exp + (exp * 0.5 * _random.NextDouble()));
    }

    public void Reset() => _failures = 0;
}
