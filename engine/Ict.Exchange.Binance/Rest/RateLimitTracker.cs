namespace Ict.Exchange.Binance.Rest;

/// <summary>
/// Tracks the used weight and order counts Binance reports in response headers and says how long to hold a
/// request so we stay under the limits; holds everything while a 429/418 Retry-After is running.
/// </summary>
public sealed class RateLimitTracker(TimeProvider time, int weightLimitPerMinute = 2400, int ordersPer10s = 300, int ordersPerMinute = 1200)
{
    private readonly Lock _gate = new();
    private long _usedWeight;
    private long _weightMinute = -1;
    private long _orders10s;
    private long _orders10sWindow = -1;
    private long _orders1m;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Fraction of each limit we allow ourselves to use.</summary>
    public double Headroom { get; init; } = 0.9;

    public long UsedWeight1M { get { lock (_gate) { return _usedWeight; } } }

    public long OrderCount1M { get { lock (_gate) { return _orders1m; } } }

    public long OrderCount10S { get { lock (_gate) { return _orders10s; } } }

    public DateTimeOffset PausedUntil { get { lock (_gate) { return _pausedUntil; } } }

    /// <summary>How long to wait before a request of this weight (zero when it may go now).</summary>
    public TimeSpan DelayBefore(int weight, bool isOrder)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_pausedUntil > now)
            {
                return _pausedUntil - now;
            }

            var minute = now.ToUnixTimeMilliseconds() / 60_000;
            if (minute == _weightMinute && _usedWeight + weight > weightLimitPerMinute * Headroom)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((minute + 1) * 60_000) - now;
            }

            if (isOrder)
            {
                var window = now.ToUnixTimeMilliseconds() / 10_000;
                if (window == _orders10sWindow && _orders10s + 1 > ordersPer10s * Headroom)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds((window + 1) * 10_000) - now;
                }

                if (minute == _weightMinute && _orders1m + 1 > ordersPerMinute * Headroom)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds((minute + 1) * 60_000) - now;
                }
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Reads X-MBX-USED-WEIGHT-1M and X-MBX-ORDER-COUNT-10S/1M.</summary>
    public void Observe(long? usedWeight, long? orders10s, long? orders1m)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            _weightMinute = nowMs / 60_000;
            if (usedWeight is { } w)
            {
                _usedWeight = w;
            }

            if (orders10s is { } o10)
            {
                _orders10s = o10;
                _orders10sWindow = nowMs / 10_000;
            }

            if (orders1m is { } o1)
            {
                _orders1m = o1;
            }
        }
    }

    /// <summary>A 429 or 418: no request goes out before the Retry-After has passed.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }
}
