using System.ComponentModel.DataAnnotations;
using Ict.Exchange.Binance.Config;

namespace Ict.Engine.Configuration;

/// <summary>
/// The <c>exchange</c> section: where testnet and live modes trade. Keys are never here, only where to read them
/// from. With <see cref="Venue"/> <c>fake</c> the engine starts a FakeBinance on 127.0.0.1 itself (a demo; see README).
/// </summary>
public sealed record ExchangeOptions : IValidatableObject
{
    public ExchangeVenue Venue { get; init; } = ExchangeVenue.Binance;

    /// <summary>Overrides the mode's REST base URL (e.g. a FakeBinance started by hand).</summary>
    public Uri? RestBaseUrl { get; init; }

    /// <summary>Overrides the mode's WebSocket base URL (/market and /private are appended).</summary>
    public Uri? WsBaseUrl { get; init; }

    [Required]
    public string ApiKeyVariable { get; init; } = "ICT_BINANCE_API_KEY";

    [Required]
    public string ApiSecretVariable { get; init; } = "ICT_BINANCE_API_SECRET";

    /// <summary>A 0600 file with <c>api_key=</c> and <c>api_secret=</c> lines, relative to the config file.</summary>
    public string? SecretsFile { get; init; }

    public int RecvWindowMs { get; init; } = 5000;

    public TimeSpan ListenKeyKeepAlive { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan PlannedReconnectAfter { get; init; } = TimeSpan.FromHours(23);

    /// <summary>Closed candles fetched over REST at start to warm the strategies up (never traded).</summary>
    [Range(0, 1500)]
    public int WarmupCandles { get; init; } = 200;

    /// <summary>
    /// An entry intent found at start-up that never reached the exchange is sent (with the same client id) when it is
    /// younger than this; an older one is cancelled in the database, since its signal is stale.
    /// </summary>
    public TimeSpan ResendIntentsYoungerThan { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often an order whose outcome is unknown (the exchange did not answer through every retry) is looked up
    /// again, until the exchange answers. Its symbol takes no new entry meanwhile.
    /// </summary>
    public TimeSpan UnknownOrderRecheck { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The margin type set on each symbol before its first entry of a run. Isolated by default: a position can then lose
    /// at most its own margin, so one liquidation never reaches the rest of the wallet or the other positions.
    /// </summary>
    public MarginType MarginType { get; init; } = MarginType.Isolated;

    /// <summary>The built-in FakeBinance (venue <c>fake</c>).</summary>
    public FakeExchangeOptions Fake { get; init; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UnknownOrderRecheck < TimeSpan.FromSeconds(1) || UnknownOrderRecheck > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("must be between 00:00:01 and 01:00:00", [nameof(UnknownOrderRecheck)]);
        }

        foreach (var error in ToBinance(BinanceMode.Testnet).Validate())
        {
            var key = error.Split(' ', 2)[0].Replace("exchange.", string.Empty, StringComparison.Ordinal);
            yield return new ValidationResult(error.Split(' ', 2)[1], [char.ToUpperInvariant(key[0]) + key[1..]]);
        }
    }

    /// <summary>The connector's options for a mode (base URLs overridden when given).</summary>
    public BinanceOptions ToBinance(BinanceMode mode) => new()
    {
        Mode = mode,
        RestBaseUrl = RestBaseUrl,
        WsBaseUrl = WsBaseUrl,
        ApiKeyVariable = ApiKeyVariable,
        ApiSecretVariable = ApiSecretVariable,
        SecretsFile = SecretsFile,
        RecvWindowMs = RecvWindowMs,
        ListenKeyKeepAlive = ListenKeyKeepAlive,
        PlannedReconnectAfter = PlannedReconnectAfter,
    };
}

/// <summary>Which exchange testnet and live modes talk to.</summary>
public enum ExchangeVenue
{
    /// <summary>Binance USDⓈ-M (demo endpoints for testnet, the real ones for live).</summary>
    Binance = 1,

    /// <summary>A FakeBinance started in-process on a free 127.0.0.1 port, replaying the first replay file.</summary>
    Fake = 2,
}

/// <summary>Binance's per-symbol margin type.</summary>
public enum MarginType
{
    /// <summary>Each position has its own margin; its liquidation loses that margin only.</summary>
    Isolated = 1,

    /// <summary>All positions share the wallet as margin.</summary>
    Crossed = 2,
}

/// <summary>The built-in FakeBinance demo exchange.</summary>
public sealed record FakeExchangeOptions
{
    /// <summary>Milliseconds between streamed candles (the first half of the CSV becomes history).</summary>
    [Range(1, 3_600_000)]
    public int ReplayMs { get; init; } = 1000;
}
