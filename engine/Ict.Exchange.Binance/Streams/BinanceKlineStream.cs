using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;

namespace Ict.Exchange.Binance.Streams;

/// <summary>
/// Closed candles from the <c>/market</c> routed path. Only <c>k.x = true</c> closes a candle, and its interval is read
/// from <c>k.i</c>. After every (re)connect — and whenever a live candle skips ahead — the missing candles are
/// backfilled over REST before live ones flow, and a per-stream cursor drops anything already delivered, so the
/// consumer sees each candle exactly once and in order.
/// </summary>
public sealed class BinanceKlineStream
{
    private readonly Uri _wsBase;
    private readonly Func<Symbol, Interval, long, CancellationToken, Task<IReadOnlyList<Candle>>> _backfill;
    private readonly TimeProvider _time;
    private readonly StreamOptions _options;
    private readonly Dictionary<string, (KlineSubscription Sub, long? Last)> _cursors = new(StringComparer.Ordinal);
    private readonly Channel<Candle> _candles = Channel.CreateUnbounded<Candle>(new UnboundedChannelOptions { SingleReader = true });
    private int _connections;

    /// <param name="wsBase">The WebSocket base, e.g. wss://fstream.binance.com (the /market path is appended).</param>
    /// <param name="subscriptions">The streams, each with the last closed candle already stored.</param>
    /// <param name="backfill">Closed candles from an open time onward (BinanceRestClient.GetClosedCandlesSinceAsync).</param>
    public BinanceKlineStream(
        Uri wsBase,
        IEnumerable<KlineSubscription> subscriptions,
        Func<Symbol, Interval, long, CancellationToken, Task<IReadOnlyList<Candle>>> backfill,
        TimeProvider time,
        StreamOptions? options = null)
    {
        _wsBase = wsBase;
        _backfill = backfill;
        _time = time;
        _options = options ?? new StreamOptions();
        foreach (var s in subscriptions)
        {
            _cursors[Key(s.Symbol.Value, s.Interval.Code)] = (s, s.LastClosedOpenTime?.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Closed candles, each exactly once, in open-time order per stream.</summary>
    public ChannelReader<Candle> Candles => _candles.Reader;

    /// <summary>How many times a connection was opened.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Raised (on the stream's task) when a connection ends, with the reason.</summary>
    public event Action<string>? Disconnected;

    /// <summary>Raised after each successful connection, with the number of connections so far (1 for the first).</summary>
    public event Action<int>? Connected;

    public Uri StreamUri => new(_wsBase, "/market/stream?streams=" + string.Join('/', _cursors.Values.Select(c => c.Sub.StreamName)));

    /// <summary>Connects, backfills and reads until cancelled, reconnecting with backoff on any failure.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = new ReconnectBackoff(_options.BackoffBase, _options.BackoffMax, _options.JitterSeed);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                string reason;
                try
                {
                    reason = await RunConnectionAsync(backoff, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (!ct.IsCancellationRequested && e is WebSocketException or HttpRequestException or JsonException or OperationCanceledException or Rest.BinanceApiException or InvalidOperationException or FormatException)
                {
                    reason = e.GetType().Name + ": " + e.Message;
                }

                Disconnected?.Invoke(reason);
                if (reason != PlannedReason)
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
            _candles.Writer.TryComplete();
        }
    }

    private const string PlannedReason = "planned reconnect before the 24-hour cut";

    private async Task<string> RunConnectionAsync(ReconnectBackoff backoff, CancellationToken ct)
    {
        using var planned = new CancellationTokenSource(_options.PlannedReconnectAfter, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, planned.Token);
        await using var session = await WebSocketSession.ConnectAsync(StreamUri, linked.Token).ConfigureAwait(false);
        var connections = Interlocked.Increment(ref _connections); // not inside ?.Invoke: that skips its argument without a subscriber
        Connected?.Invoke(connections);
        foreach (var key in _cursors.Keys.ToList())
        {
            await BackfillAsync(key, long.MaxValue, linked.Token).ConfigureAwait(false);
        }

        backoff.Reset();
        using var silence = new CancellationTokenSource(_options.SilenceTimeout, _time);
        using var receiveToken = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, silence.Token);
        while (true)
        {
            string? text;
            try
            {
                text = await session.ReceiveAsync(receiveToken.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && (e is OperationCanceledException || planned.IsCancellationRequested || silence.IsCancellationRequested))
            {
                // Cancelling a receive aborts the socket, which may surface as a WebSocketException.
                return planned.IsCancellationRequested ? PlannedReason : "no frame within the silence timeout";
            }

            if (text is null)
            {
                return "closed by the server";
            }

            silence.CancelAfter(_options.SilenceTimeout);
            await HandleFrameAsync(text, linked.Token).ConfigureAwait(false);
        }
    }

    private async Task HandleFrameAsync(string text, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(text);
        var data = doc.RootElement.TryGetProperty("data", out var d) ? d : doc.RootElement;
        if (!data.TryGetProperty("e", out var e) || e.GetString() != "kline")
        {
            return; // subscription acks and other events
        }

        var k = data.Deserialize<KlineEvent>(BinanceJson.Options)!.Kline;
        if (!k.IsClosed)
        {
            return;
        }

        var key = Key(k.Symbol, k.Interval);
        if (!_cursors.TryGetValue(key, out var cursor))
        {
            return;
        }

        var step = (long)cursor.Sub.Interval.Duration.TotalMilliseconds;
        if (cursor.Last is { } last && k.OpenTime > last + step)
        {
            await BackfillAsync(key, k.OpenTime, ct).ConfigureAwait(false);
        }

        Deliver(key, k.ToCandle());
    }

    private async Task BackfillAsync(string key, long beforeOpenTime, CancellationToken ct)
    {
        var (sub, last) = _cursors[key];
        if (last is null)
        {
            return; // nothing stored yet: the consumer warms up from its own history
        }

        var step = (long)sub.Interval.Duration.TotalMilliseconds;
        var missing = await _backfill(sub.Symbol, sub.Interval, last.Value + step, ct).ConfigureAwait(false);
        foreach (var candle in missing.Where(c => c.OpenTime.ToUnixTimeMilliseconds() < beforeOpenTime).OrderBy(c => c.OpenTime))
        {
            Deliver(key, candle);
        }
    }

    private void Deliver(string key, Candle candle)
    {
        var cursor = _cursors[key];
        var openMs = candle.OpenTime.ToUnixTimeMilliseconds();
        if (cursor.Last is { } last && openMs <= last)
        {
            return; // already delivered (backfill and stream overlap)
        }

        _cursors[key] = (cursor.Sub, openMs);
        _candles.Writer.TryWrite(candle);
    }

    private static string Key(string symbol, string interval) => symbol.ToUpperInvariant() + "|" + interval;
}
