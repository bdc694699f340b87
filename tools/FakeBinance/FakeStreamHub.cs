using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace FakeBinance;

/// <summary>
/// The WebSocket side: <c>/market</c> (klines), <c>/public</c> and unrouted paths (accepted, never a kline), and
/// <c>/private</c> (user data for a valid listenKey, filtered by the <c>events</c> allow-list).
/// </summary>
public sealed class FakeStreamHub
{
    private readonly ConcurrentDictionary<int, Connection> _connections = new();
    private int _nextId;
    private int _marketConnects;
    private int _privateConnects;

    public int MarketConnects => Volatile.Read(ref _marketConnects);

    public int PrivateConnects => Volatile.Read(ref _privateConnects);

    /// <summary>Raised when a socket is open and registered: (route, total connections on that route).</summary>
    public event Action<string, int>? Connected;

    public int OpenConnections(string route) => _connections.Values.Count(c => c.Route == route);

    internal async Task HandleAsync(WebSocket socket, string route, IEnumerable<string> streams, bool combined, string? listenKey, HashSet<string>? events, CancellationToken ct)
    {
        var id = Interlocked.Increment(ref _nextId);
        var conn = new Connection(socket, route, new HashSet<string>(streams, StringComparer.Ordinal), listenKey, events) { Combined = combined };
        _connections[id] = conn;
        var count = route switch
        {
            "market" => Interlocked.Increment(ref _marketConnects),
            "private" => Interlocked.Increment(ref _privateConnects),
            _ => 0,
        };
        var writer = WriteLoopAsync(conn, ct);
        Connected?.Invoke(route, count);
        try
        {
            await ReadLoopAsync(conn, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _connections.TryRemove(id, out _);
            conn.Outbox.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    /// <summary>Sends a market event to every /market connection subscribed to the stream.</summary>
    public void PublishMarket(string stream, object data)
    {
        var frame = JsonSerializer.Serialize(new { stream, data });
        foreach (var c in _connections.Values.Where(c => c.Route == "market" && c.Streams.Contains(stream)))
        {
            c.Outbox.Writer.TryWrite(c.Combined ? frame : JsonSerializer.Serialize(data));
        }
    }

    /// <summary>Sends a user-data event to every /private connection of this listenKey that allows the event.</summary>
    public void PublishUser(string listenKey, string eventType, object data)
    {
        var frame = JsonSerializer.Serialize(data);
        foreach (var c in _connections.Values.Where(c => c.Route == "private" && c.ListenKey == listenKey && (c.Events is null || c.Events.Contains(eventType))))
        {
            c.Outbox.Writer.TryWrite(frame);
        }
    }

    /// <summary>Fault knob: aborts every socket on a route (or all), without a close handshake.</summary>
    public void Drop(string? route = null)
    {
        foreach (var c in _connections.Values.Where(c => route is null || c.Route == route))
        {
            c.Socket.Abort();
        }
    }

    private static async Task ReadLoopAsync(Connection conn, CancellationToken ct)
    {
        var buffer = new byte[8192];
        while (conn.Socket.State == WebSocketState.Open)
        {
            var result = await conn.Socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await conn.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct).ConfigureAwait(false);
                return;
            }

            HandleControl(conn, Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    // SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS. On a non-market route a kline subscription is acknowledged but
    // stays silent, as on the real exchange since the 2026 path split.
    private static void HandleControl(Connection conn, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var method = doc.RootElement.GetProperty("method").GetString();
            var id = doc.RootElement.TryGetProperty("id", out var i) ? i.Clone() : default;
            var names = doc.RootElement.TryGetProperty("params", out var p) ? p.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList() : [];
            object? result = null;
            lock (conn.Streams)
            {
                if (method == "SUBSCRIBE")
                {
                    conn.Streams.UnionWith(names);
                }
                else if (method == "UNSUBSCRIBE")
                {
                    conn.Streams.ExceptWith(names);
                }
                else if (method == "LIST_SUBSCRIPTIONS")
                {
                    result = conn.Streams.ToList();
                }
            }

            conn.Outbox.Writer.TryWrite(JsonSerializer.Serialize(new { result, id }));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            conn.Outbox.Writer.TryWrite("{\"code\":2,\"msg\":\"Invalid request\"}");
        }
    }

    private static async Task WriteLoopAsync(Connection conn, CancellationToken ct)
    {
        try
        {
            await foreach (var text in conn.Outbox.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await conn.Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private sealed record Connection(WebSocket Socket, string Route, HashSet<string> Streams, string? ListenKey, HashSet<string>? Events)
    {
        public Channel<string> Outbox { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

        public bool Combined { get; init; } = true;
    }
}
