namespace Ict.Exchange.Binance.Rest;

/// <summary>A Binance error response: HTTP status, the Binance code and message, and what may be done next.</summary>
public class BinanceApiException : Exception
{
    public BinanceApiException(int httpStatus, int code, string binanceMessage, TimeSpan? retryAfter = null)
        : this(httpStatus, code, binanceMessage, retryAfter, Classify(httpStatus, code, binanceMessage))
    {
    }

    public BinanceApiException(int httpStatus, int code, string binanceMessage, TimeSpan? retryAfter, BinanceErrorKind kind)
        : base($"Binance error {code} (HTTP {httpStatus}): {binanceMessage}")
    {
        HttpStatus = httpStatus;
        Code = code;
        BinanceMessage = binanceMessage;
        RetryAfter = retryAfter;
        Kind = kind;
    }

    public int HttpStatus { get; }

    public int Code { get; }

    public string BinanceMessage { get; }

    public TimeSpan? RetryAfter { get; }

    public BinanceErrorKind Kind { get; }

    public bool IsTimestampError => Code == BinanceErrorCodes.InvalidTimestamp;

    public bool IsOrderNotFound => Code is BinanceErrorCodes.NoSuchOrder or BinanceErrorCodes.CancelRejected;

    /// <summary>Maps an error to retryable, final or unknown-outcome.</summary>
    public static BinanceErrorKind Classify(int httpStatus, int code, string message)
    {
        // 503 "Unknown error…" (General Info, HTTP return codes) and the two codes the Error Codes page defines as
        // "execution status unknown" (-1006 UNEXPECTED_RESP, -1007 TIMEOUT), whatever HTTP status carries them.
        if ((httpStatus == 503 && message.StartsWith("Unknown error", StringComparison.OrdinalIgnoreCase))
            || code is BinanceErrorCodes.UnexpectedResponse or BinanceErrorCodes.BackendTimeout)
        {
            return BinanceErrorKind.Unknown;
        }

        if (httpStatus is 429 or 418 or 408 or 502 or 503 or 504 || code is BinanceErrorCodes.Throttled or BinanceErrorCodes.TooManyRequests)
        {
            return BinanceErrorKind.Retryable;
        }

        // Status 0: the request never got an HTTP answer (connection refused, reset, timeout) on a non-order call.
        if (httpStatus == 0 || code == BinanceErrorCodes.UnknownError || (httpStatus >= 500 && code == 0))
        {
            return BinanceErrorKind.Retryable;
        }

        return BinanceErrorKind.Final;
    }

    /// <summary>
    /// <see cref="Classify"/> for a request that places an order. A 5XX (or 408 backend timeout) is Binance-side and
    /// does not prove the order was refused: only the documented failures — 503 "Service Unavailable." and -1008
    /// throttling — stay retryable; any other server error means the order's fate is unknown and it must be looked
    /// up before it is ever sent again.
    /// </summary>
    public static BinanceErrorKind ClassifyOrder(int httpStatus, int code, string message)
    {
        var kind = Classify(httpStatus, code, message);
        var documentedFailure = code == BinanceErrorCodes.Throttled
            || (httpStatus == 503 && message.StartsWith("Service Unavailable", StringComparison.OrdinalIgnoreCase));
        return kind == BinanceErrorKind.Retryable && (httpStatus >= 500 || httpStatus == 408) && !documentedFailure
            ? BinanceErrorKind.Unknown
            : kind;
    }
}
