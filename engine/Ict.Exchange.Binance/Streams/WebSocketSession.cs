using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace Ict.Exchange.Binance.Streams;

/// <summary>One ClientWebSocket connection, read as whole text messages. Pings are answered by the runtime.</summary>
internal sealed class WebSocketSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private WebSocketSession()
    {
        // Unsolicited pongs keep the connection alive between Binance's 3-minute pings.
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(60);
    }

    public static async Task<WebSocketSession> ConnectAsync(Uri uri, CancellationToken ct)
    {
        var session = new WebSocketSession();
        try
        {
            await session._socket.ConnectAsync(uri, ct).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The next text message, or null when the server closed the connection.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task SendAsync(string text, CancellationToken ct) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                // Sends the close frame without waiting for the peer's reply.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The peer is already gone; nothing to close politely.
            }
        }

        _socket.Dispose();
    }
}
