namespace FakeBinance;

/// <summary>Fault knobs a test (or the operator) turns to make the fake misbehave the way Binance does.</summary>
public sealed class FakeFaults
{
    private readonly Lock _gate = new();
    private int _rateLimited;
    private int _unknownErrors;
    private (int Code, string Message, int Status)? _nextReject;

    /// <summary>Added to the server clock (ms): a positive value makes clients' timestamps look late (-1021).</summary>
    public long ClockSkewMs { get; set; }

    /// <summary>
    /// While true, every signed REST request (orders, account, leverage, margin type) is answered 503 "Unknown
    /// error…" and nothing is executed: the trading API is out of reach while market data (public REST, the
    /// WebSocket streams) goes on.
    /// </summary>
    public bool TradingOutage { get; set; }

    /// <summary>Delay before every REST response.</summary>
    public TimeSpan ResponseDelay { get; set; }

    public int RateLimitStatus { get; private set; } = 429;

    public TimeSpan RetryAfter { get; private set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether an order answered with 503-unknown is still executed (the dangerous case).</summary>
    public bool ExecuteDespiteUnknownError { get; private set; } = true;

    /// <summary>The next <paramref name="count"/> requests get 429 (or 418) with this Retry-After.</summary>
    public void RateLimitNext(int count, TimeSpan retryAfter, int status = 429)
    {
        lock (_gate)
        {
            _rateLimited = count;
            RetryAfter = retryAfter;
            RateLimitStatus = status;
        }
    }

    /// <summary>The next order request is answered 503 "Unknown error…"; it is executed anyway unless told otherwise.</summary>
    public void UnknownErrorOnNextOrder(bool executeAnyway = true)
    {
        lock (_gate)
        {
            _unknownErrors++;
            ExecuteDespiteUnknownError = executeAnyway;
        }
    }

    /// <summary>The next order request is rejected (not executed) with this Binance code, on HTTP 400 unless told otherwise.</summary>
    public void RejectNextOrder(int code, string message, int httpStatus = 400)
    {
        lock (_gate)
        {
            _nextReject = (code, message, httpStatus);
        }
    }

    internal bool TakeRateLimit() => Take(ref _rateLimited);

    internal bool TakeUnknownError() => Take(ref _unknownErrors);

    internal (int Code, string Message, int Status)? TakeReject()
    {
        lock (_gate)
        {
            var r = _nextReject;
            _nextReject = null;
            return r;
        }
    }

    private bool Take(ref int counter)
    {
        lock (_gate)
        {
            if (counter <= 0)
            {
                return false;
            }

            counter--;
            return true;
        }
    }
}
