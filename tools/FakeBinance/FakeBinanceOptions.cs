namespace FakeBinance;

/// <summary>How a FakeBinance instance is set up. Port 0 binds a free port.</summary>
public sealed record FakeBinanceOptions
{
    public int Port { get; init; }

    public string ApiKey { get; init; } = "fake-api-key";

    public string ApiSecret { get; init; } = "fake-api-secret";

    /// <summary>The server's clock (serverTime, timestamp checks). Tests may pass their own.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Optional CSV (open_time_ms,open,high,low,close,volume) whose candles form the history and price path.</summary>
    public string? DataCsv { get; init; }

    /// <summary>The interval of the CSV candles.</summary>
    public string DataInterval { get; init; } = "1m";

    public string DataSymbol { get; init; } = "BTCUSDT";

    /// <summary>
    /// When set, the CSV is replayed as a live market instead of served as old history: its first half becomes the
    /// history (re-stamped to end now) and the second half is streamed one candle per step.
    /// </summary>
    public TimeSpan? ReplayStep { get; init; }

    public decimal StartingBalance { get; init; } = 10_000m;

    /// <summary>How often the server pings each WebSocket (Binance: 3 minutes).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long the server waits for the pong before dropping the connection (Binance: 10 minutes).</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
