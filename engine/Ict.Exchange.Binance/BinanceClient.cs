using Ict.Exchange.Binance.Config;
using Ict.Exchange.Binance.Rest;
using Ict.Exchange.Binance.Streams;

namespace Ict.Exchange.Binance;

/// <summary>
/// Everything a venue or feed needs for one account, built from <see cref="BinanceOptions"/>: the REST and trading
/// clients and factories for the kline and user-data streams, all on one injected clock.
/// </summary>
public sealed class BinanceClient
{
    private readonly BinanceOptions _options;
    private readonly TimeProvider _time;

    public BinanceClient(BinanceOptions options, BinanceCredentials? credentials, HttpClient http, TimeProvider time, BinanceRetryOptions? retry = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid exchange options: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _time = time;
        Http = new BinanceHttp(http, options.EffectiveRestBaseUrl, credentials, time, retry, options.RecvWindowMs);
        Rest = new BinanceRestClient(Http);
        Trading = new BinanceTradingClient(Rest);
    }

    public BinanceHttp Http { get; }

    public BinanceRestClient Rest { get; }

    public BinanceTradingClient Trading { get; }

    /// <summary>Syncs the server-time offset and loads the exchangeInfo filters; call once before trading.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await Rest.SyncTimeAsync(ct).ConfigureAwait(false);
        await Rest.RefreshFiltersAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Re-measures the server-time offset every <paramref name="period"/> until cancelled (drift between -1021s).</summary>
    public async Task RunClockResyncAsync(TimeSpan period, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await Rest.SyncTimeAsync(ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is BinanceApiException or HttpRequestException)
                {
                    // The next tick (or the next -1021) tries again; the old offset stays meanwhile.
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public BinanceKlineStream CreateKlineStream(IEnumerable<KlineSubscription> subscriptions, StreamOptions? options = null) =>
        new(_options.EffectiveWsBaseUrl, subscriptions, Rest.GetClosedCandlesSinceAsync, _time, options ?? DefaultStreamOptions());

    public BinanceUserDataStream CreateUserDataStream(StreamOptions? options = null) =>
        new(Rest, _options.EffectiveWsBaseUrl, _time, options ?? DefaultStreamOptions());

    /// <summary>Refuses live trading unless the operator passed the explicit --live flag.</summary>
    public static void EnsureLiveConfirmed(BinanceOptions options, bool liveFlag)
    {
        if (options.Mode == BinanceMode.Live && !liveFlag)
        {
            throw new InvalidOperationException("exchange.mode is live: real money. Start with --live to confirm.");
        }
    }

    private StreamOptions DefaultStreamOptions() => new()
    {
        ListenKeyKeepAlive = _options.ListenKeyKeepAlive,
        PlannedReconnectAfter = _options.PlannedReconnectAfter,
    };
}
