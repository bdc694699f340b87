using System.Globalization;
using System.Net;
using System.Text.Json;
using Ict.Exchange.Binance.Config;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;
using Polly;
using Polly.Retry;

namespace Ict.Exchange.Binance.Rest;

/// <summary>
/// The wire layer: signs, stamps and sends one request, maps errors to <see cref="BinanceApiException"/>, resyncs the
/// clock once on -1021, waits out rate limits, and retries retryable failures through a Polly pipeline.
/// </summary>
public sealed class BinanceHttp
{
    private readonly HttpClient _http;
    private readonly BinanceCredentials? _credentials;
    private readonly Uri _baseUri;
    private readonly int _recvWindowMs;
    private readonly ResiliencePipeline _retry;
    private readonly Random _jitter;
    private readonly Lock _jitterGate = new();
    private readonly TimeSpan _maxInlineWait;

    public BinanceHttp(HttpClient http, Uri baseUri, BinanceCredentials? credentials, TimeProvider time, BinanceRetryOptions? retry = null, int recvWindowMs = 5000)
    {
        _http = http;
        _baseUri = baseUri;
        _credentials = credentials;
        _recvWindowMs = recvWindowMs;
        Clock = new ServerClock(time);
        Limits = new RateLimitTracker(time);
        var options = retry ?? new BinanceRetryOptions();
        _maxInlineWait = options.MaxInlineWait;
        _jitter = new Random(options.JitterSeed);
        _retry = options.MaxRetries <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = new PredicateBuilder().Handle<BinanceApiException>(e =>
                        e.Kind == BinanceErrorKind.Retryable && (e.RetryAfter is null || e.RetryAfter <= options.MaxInlineWait)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(DelayFor(args.Outcome.Exception, args.AttemptNumber, options)),
                })
                .Build();
    }

    public ServerClock Clock { get; }

    public RateLimitTracker Limits { get; }

    /// <summary>Measures the server-time offset with GET /fapi/v1/time.</summary>
    public async Task SyncTimeAsync(CancellationToken ct)
    {
        var sent = Clock.LocalNowMs;
        var body = await SendOnceAsync(HttpMethod.Get, "/fapi/v1/time", null, BinanceSecurity.None, 1, false, ct).ConfigureAwait(false);
        var received = Clock.LocalNowMs;
        Clock.Update(sent, received, BinanceJson.Deserialize<ServerTimeResponse>(body).ServerTime);
    }

    /// <summary>Sends with retries (for anything whose repetition is harmless, or whose failure proves it had no effect).</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, BinanceParameters? parameters, BinanceSecurity security, int weight, bool isOrder, CancellationToken ct)
    {
        var body = await _retry.ExecuteAsync(
            async token => await SendWithResyncAsync(method, path, parameters, security, weight, isOrder, token).ConfigureAwait(false),
            ct).ConfigureAwait(false);
        return BinanceJson.Deserialize<T>(body);
    }

    private async ValueTask<string> SendWithResyncAsync(HttpMethod method, string path, BinanceParameters? parameters, BinanceSecurity security, int weight, bool isOrder, CancellationToken ct)
    {
        try
        {
            return await SendOnceAsync(method, path, parameters, security, weight, isOrder, ct).ConfigureAwait(false);
        }
        catch (BinanceApiException e) when (e.IsTimestampError && security == BinanceSecurity.Signed)
        {
            // Our clock is off: resync and try exactly once more with a fresh timestamp and signature.
            await SyncTimeAsync(ct).ConfigureAwait(false);
            return await SendOnceAsync(method, path, parameters, security, weight, isOrder, ct).ConfigureAwait(false);
        }
    }

    private async Task<string> SendOnceAsync(HttpMethod method, string path, BinanceParameters? parameters, BinanceSecurity security, int weight, bool isOrder, CancellationToken ct)
    {
        var wait = Limits.DelayBefore(weight, isOrder);
        if (wait > _maxInlineWait)
        {
            // Banned (418) or paused for long: send nothing and say when traffic may resume.
            throw new BinanceApiException(418, BinanceErrorCodes.TooManyRequests, $"REST traffic paused until {Limits.PausedUntil:O}; nothing was sent.", wait);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Clock.Time, ct).ConfigureAwait(false);
        }

        var query = BuildQuery(parameters, security);
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, query.Length == 0 ? path : path + "?" + query));
        if (security != BinanceSecurity.None)
        {
            request.Headers.Add("X-MBX-APIKEY", RequireCredentials().ApiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            // HttpRequestException: connection failed or broke; TaskCanceledException without our cancellation: HttpClient timeout.
            // An order whose request may have reached the exchange has an unknown fate; anything else just failed.
            throw new BinanceApiException(isOrder ? 503 : 0, 0, (isOrder ? "Unknown error: " : "Transport failure: ") + e.Message);
        }

        using (response)
        {
            Limits.Observe(Header(response, "X-MBX-USED-WEIGHT-1M"), Header(response, "X-MBX-ORDER-COUNT-10S"), Header(response, "X-MBX-ORDER-COUNT-1M"));
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            throw ToException(response, body, isOrder);
        }
    }

    private string BuildQuery(BinanceParameters? parameters, BinanceSecurity security)
    {
        var p = parameters?.Clone() ?? new BinanceParameters();
        if (security != BinanceSecurity.Signed)
        {
            return p.ToQueryString();
        }

        p.Add("recvWindow", (long)_recvWindowMs).Add("timestamp", Clock.NowMs);
        var unsigned = p.ToQueryString();
        return unsigned + "&signature=" + BinanceSigner.Sign(RequireCredentials().ApiSecret, unsigned);
    }

    private BinanceCredentials RequireCredentials() =>
        _credentials ?? throw new InvalidOperationException("This Binance endpoint needs an API key and secret; none were configured.");

    private BinanceApiException ToException(HttpResponseMessage response, string body, bool isOrder)
    {
        var status = (int)response.StatusCode;
        var (code, msg) = ParseError(body);
        TimeSpan? retryAfter = null;
        if (response.StatusCode is HttpStatusCode.TooManyRequests || status == 418)
        {
            retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } d ? d - Clock.Time.GetUtcNow() : TimeSpan.FromSeconds(60));
            Limits.Pause(retryAfter.Value);
        }

        return BinanceOrderRejectedException.IsOrderRejectionCode(code)
            ? new BinanceOrderRejectedException(status, code, msg)
            : new BinanceApiException(status, code, msg, retryAfter,
                isOrder ? BinanceApiException.ClassifyOrder(status, code, msg) : BinanceApiException.Classify(status, code, msg));
    }

    private static (int Code, string Msg) ParseError(string body)
    {
        try
        {
            var e = BinanceJson.Deserialize<CodeMessageResponse>(body);
            return (e.Code, e.Msg ?? body);
        }
        catch (JsonException)
        {
            return (0, body.Length > 200 ? body[..200] : body);
        }
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private TimeSpan DelayFor(Exception? error, int attempt, BinanceRetryOptions options)
    {
        if (error is BinanceApiException { RetryAfter: { } after })
        {
            return after;
        }

        double jitter;
        lock (_jitterGate)
        {
            jitter = _jitter.NextDouble();
        }

        var exp = options.BaseDelay * Math.Pow(2, attempt);
        return exp + (exp * jitter * 0.5);
    }
}
