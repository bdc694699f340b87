namespace Ict.Exchange.Binance.Rest;

/// <summary>A Binance error response: HTTP status, the Binance code and message, and what may be done next.</summary>
public class BinanceApiException : Exception
{
    public BinanceApiException(int httpStatus, int code, string binanceMessage, TimeSpan? retryAfter = null)
        : base($"Binance error {code} (HTTP {httpStatus}): {binanceMessage}")
    {
        HttpStatus = httpStatus;
        Code = code;
        BinanceMessage = binanceMessage;
        RetryAfter = retryAfter;
        Kind = Classify(httpStatus, code, binanceMessage);
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
}
