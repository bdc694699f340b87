using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Rest;

namespace Ict.Exchange.Binance.Streams;

/// <summary>
/// The user-data stream on the <c>/private</c> path: creates a listenKey, keeps it alive on a timer, recreates it on
/// -1125 or listenKeyExpired, reconnects with backoff, and tells the consumer after every gap so it can reconcile.
/// </summary>
public sealed class BinanceUserDataStream
{
    public const string EventList = "ORDER_TRADE_UPDATE/ACCOUNT_UPDATE/ALGO_UPDATE/listenKeyExpired";

    private const string RenewReason = "listenKey expired";
    private readonly BinanceRestClient _rest;
    private readonly Uri _wsBase;
    private readonly TimeProvider _time;
    private readonly StreamOptions _options;
    private readonly Channel<UserDataEvent> _events = Channel.CreateUnbounded<UserDataEvent>(new UnboundedChannelOptions { SingleReader = true });
    private int _listenKeysCreated;
    private int _keepAlivesSent;

    public BinanceUserDataStream(BinanceRestClient rest, Uri wsBase, TimeProvider time, StreamOptions? options = null)
    {
        _rest = rest;
        _wsBase = wsBase;
        _time = time;
        _options = options ?? new StreamOptions();
    }

    public ChannelReader<UserDataEvent> Events => _events.Reader;

    public int ListenKeysCreated => Volatile.Read(ref _listenKeysCreated);

    public int KeepAlivesSent => Volatile.Read(ref _keepAlivesSent);

    /// <summary>Raised after each keepalive: true when extended, false when Binance said the key is gone (-1125).</summary>
    public event Action<bool>? KeepAliveCompleted;

    /// <summary>Raised once a connection is open and reading (for hosts and tests).</summary>
    public event Action<int>? Connected;

    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = new ReconnectBackoff(_options.BackoffBase, _options.BackoffMax, _options.JitterSeed);
        string? listenKey = null;
        string? previousKey = null;
        var connections = 0;
        var gapReason = string.Empty;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                string reason;
                try
                {
                    // POST returns the active key (extended) or a new one, so asking again after any failure is cheap and safe.
                    listenKey ??= await CreateKeyAsync(ct).ConfigureAwait(false);
                    var resumed = connections > 0 ? new UserStreamResumed(gapReason, listenKey != previousKey) : null;
                    previousKey = listenKey;
                    reason = await RunConnectionAsync(listenKey, resumed, backoff, () => connections++, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or HttpRequestException or JsonException or OperationCanceledException or BinanceApiException or InvalidOperationException or FormatException)
                {
                    reason = e.GetType().Name + ": " + e.Message;
                }

                gapReason = reason;
                if (reason != PlannedReason)
                {
                    listenKey = null;
                }

                if (reason is not (PlannedReason or RenewReason))
                {
                    await Task.Delay(backoff.Next(), _time, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    private async Task<string> CreateKeyAsync(CancellationToken ct)
    {
        var key = await _rest.CreateListenKeyAsync(ct).ConfigureAwait(false);
        Interlocked.Increment(ref _listenKeysCreated);
        return key;
    }

    private const string PlannedReason = "planned reconnect before the 24-hour cut";

    private async Task<string> RunConnectionAsync(string listenKey, UserStreamResumed? resumed, ReconnectBackoff backoff, Func<int> countConnection, CancellationToken ct)
    {
        using var planned = new CancellationTokenSource(_options.PlannedReconnectAfter, _time);
        using var renew = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, planned.Token, renew.Token);
        var uri = new Uri(_wsBase, $"/private/ws?listenKey={Uri.EscapeDataString(listenKey)}&events={EventList}");
        await using var session = await WebSocketSession.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
        backoff.Reset();
        if (resumed is not null)
        {
            _events.Writer.TryWrite(resumed);
        }

        Connected?.Invoke(countConnection() + 1);
        var keepAlive = KeepAliveAsync(renew, linked.Token);
        try
        {
            while (true)
            {
                string? text;
                try
                {
                    text = await session.ReceiveAsync(linked.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!ct.IsCancellationRequested && (e is OperationCanceledException || renew.IsCancellationRequested || planned.IsCancellationRequested))
                {
                    // Cancelling a receive aborts the socket, which may surface as a WebSocketException.
                    return renew.IsCancellationRequested ? RenewReason : planned.IsCancellationRequested ? PlannedReason : "receive cancelled";
                }

                if (text is null)
                {
                    return "closed by the server";
                }

                if (Dispatch(text))
                {
                    return RenewReason;
                }
            }
        }
        finally
        {
            await renew.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    // Extends the key on a timer; a -1125 answer means it is gone, so the connection is ended to recreate it.
    private async Task KeepAliveAsync(CancellationTokenSource renew, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_options.ListenKeyKeepAlive, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await _rest.KeepAliveListenKeyAsync(ct).ConfigureAwait(false);
                    Interlocked.Increment(ref _keepAlivesSent);
                    KeepAliveCompleted?.Invoke(true);
                }
                catch (BinanceApiException e) when (e.Code == BinanceErrorCodes.InvalidListenKey)
                {
                    KeepAliveCompleted?.Invoke(false);
                    await renew.CancelAsync().ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (e is BinanceApiException or HttpRequestException)
                {
                    // A failed keepalive is retried on the next tick, well inside the 60-minute validity.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Publishes one frame; returns true when it says the listenKey expired.</summary>
    private bool Dispatch(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var data = doc.RootElement.TryGetProperty("data", out var d) ? d : doc.RootElement;
        if (!data.TryGetProperty("e", out var e))
        {
            return false;
        }

        switch (e.GetString())
        {
            case "ORDER_TRADE_UPDATE":
                _events.Writer.TryWrite(new OrderUpdated(data.Deserialize<OrderTradeUpdateEvent>(BinanceJson.Options)!));
                return false;
            case "ACCOUNT_UPDATE":
                _events.Writer.TryWrite(new AccountUpdated(data.Deserialize<AccountUpdateEvent>(BinanceJson.Options)!));
                return false;
            case "ALGO_UPDATE":
                _events.Writer.TryWrite(new AlgoOrderUpdated(data.Deserialize<AlgoUpdateEvent>(BinanceJson.Options)!));
                return false;
            case "listenKeyExpired":
                return true;
            default:
                return false;
        }
    }
}
