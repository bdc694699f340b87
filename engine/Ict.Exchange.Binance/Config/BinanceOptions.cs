namespace Ict.Exchange.Binance.Config;

/// <summary>The exchange section of the engine config. Keys are never stored here: only where to read them from.</summary>
public sealed record BinanceOptions
{
    public BinanceMode Mode { get; init; } = BinanceMode.Paper;

    /// <summary>Overrides the REST base URL of the mode (e.g. a FakeBinance on http://127.0.0.1:5005).</summary>
    public Uri? RestBaseUrl { get; init; }

    /// <summary>Overrides the WebSocket base URL of the mode (routed paths /market and /private are appended).</summary>
    public Uri? WsBaseUrl { get; init; }

    public string ApiKeyVariable { get; init; } = "ICT_BINANCE_API_KEY";

    public string ApiSecretVariable { get; init; } = "ICT_BINANCE_API_SECRET";

    /// <summary>A file (mode 0600) holding <c>api_key=...</c> and <c>api_secret=...</c> lines; used when the variables are unset.</summary>
    public string? SecretsFile { get; init; }

    public int RecvWindowMs { get; init; } = 5000;

    public TimeSpan ListenKeyKeepAlive { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan PlannedReconnectAfter { get; init; } = TimeSpan.FromHours(23);

    public Uri EffectiveRestBaseUrl => RestBaseUrl ?? Mode switch
    {
        BinanceMode.Live => new Uri("https://fapi.binance.com"),
        _ => new Uri("https://demo-fapi.binance.com"),
    };

    public Uri EffectiveWsBaseUrl => WsBaseUrl ?? Mode switch
    {
        BinanceMode.Live => new Uri("wss://fstream.binance.com"),
        _ => new Uri("wss://fstream.binancefuture.com"),
    };

    /// <summary>Every problem with these options, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Mode))
        {
            errors.Add("exchange.mode must be paper, testnet or live");
        }

        if (RecvWindowMs is <= 0 or > 60000)
        {
            errors.Add("exchange.recvWindowMs must be between 1 and 60000 (Binance recommends 5000 or less)");
        }

        if (ListenKeyKeepAlive <= TimeSpan.Zero || ListenKeyKeepAlive >= TimeSpan.FromMinutes(60))
        {
            errors.Add("exchange.listenKeyKeepAlive must be under 60 minutes (30 to 50 is sensible)");
        }

        if (PlannedReconnectAfter <= TimeSpan.Zero || PlannedReconnectAfter >= TimeSpan.FromHours(24))
        {
            errors.Add("exchange.plannedReconnectAfter must be under 24 hours");
        }

        if (RestBaseUrl is { } r && r.Scheme is not ("http" or "https"))
        {
            errors.Add("exchange.restBaseUrl must be http(s)");
        }

        if (WsBaseUrl is { } w && w.Scheme is not ("ws" or "wss"))
        {
            errors.Add("exchange.wsBaseUrl must be ws(s)");
        }

        return errors;
    }
}
