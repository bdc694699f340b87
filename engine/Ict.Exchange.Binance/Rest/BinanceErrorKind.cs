namespace Ict.Exchange.Binance.Rest;

/// <summary>What a caller may do after a failed request.</summary>
public enum BinanceErrorKind
{
    /// <summary>Rejected for good (bad parameters, filters, margin...): do not resend unchanged.</summary>
    Final = 1,

    /// <summary>Failed without effect (throttled, service unavailable, timeout before sending): retry with backoff.</summary>
    Retryable = 2,

    /// <summary>The order's fate is unknown (503 "Unknown error"): look it up by client id before any retry.</summary>
    Unknown = 3,
}
