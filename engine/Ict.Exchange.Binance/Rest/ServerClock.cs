namespace Ict.Exchange.Binance.Rest;

/// <summary>Binance server time as seen from here: the injected clock plus an offset measured against GET /fapi/v1/time.</summary>
public sealed class ServerClock(TimeProvider time)
{
    private long _offsetMs;

    public TimeProvider Time { get; } = time;

    public long OffsetMs => Interlocked.Read(ref _offsetMs);

    public long LocalNowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public long NowMs => LocalNowMs + OffsetMs;

    public DateTimeOffset UtcNow => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);

    /// <summary>Sets the offset from one round trip: the server stamped its time about half-way through it.</summary>
    public void Update(long sentLocalMs, long receivedLocalMs, long serverTimeMs)
    {
        var midpoint = sentLocalMs + ((receivedLocalMs - sentLocalMs) / 2);
        Interlocked.Exchange(ref _offsetMs, serverTimeMs - midpoint);
    }
}
