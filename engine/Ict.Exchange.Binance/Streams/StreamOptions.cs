namespace Ict.Exchange.Binance.Streams;

/// <summary>Timing of a WebSocket stream. Every delay runs on the injected TimeProvider.</summary>
public sealed record StreamOptions
{
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    public int JitterSeed { get; init; } = 17;

    /// <summary>Binance cuts every connection at 24 h; reconnect on our own terms before that.</summary>
    public TimeSpan PlannedReconnectAfter { get; init; } = TimeSpan.FromHours(23);

    /// <summary>No frame at all for this long means the connection is dead (or the path is unrouted): reconnect.</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the listenKey is extended (Binance expires it after 60 minutes).</summary>
    public TimeSpan ListenKeyKeepAlive { get; init; } = TimeSpan.FromMinutes(30);
}
