using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>FakeBinance itself behaves like the 2026 exchange where the client does not exercise it.</summary>
public sealed class BinanceFakeServerTests
{
    [Fact]
    public async Task Binance_Fake_AcceptsASignatureOverQueryPlusBodyJoinedWithoutSeparator()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var query = "symbol=BTCUSDT&leverage=7";
        var body = $"recvWindow=5000&timestamp={h.Http.Clock.NowMs}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FakeBinanceHarness.Secret), Encoding.UTF8.GetBytes(query + body)));
        using var http = new HttpClient();

        async Task<string> Post(string sig)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(h.Server.RestUri, "/fapi/v1/leverage?" + query))
            {
                Content = new StringContent(body + "&signature=" + sig, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Add("X-MBX-APIKEY", FakeBinanceHarness.Key);
            using var response = await http.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Contains("\"leverage\":7", await Post(signature), StringComparison.Ordinal);
        Assert.Contains("-1022", await Post(new string('0', 64)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binance_Fake_AcknowledgesAKlineSubscriptionOnAnUnroutedPathButNeverDeliversIt()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        using var unrouted = new ClientWebSocket();
        using var routed = new ClientWebSocket();
        await unrouted.ConnectAsync(new Uri(h.Server.WsUri, "/ws"), default);
        await routed.ConnectAsync(new Uri(h.Server.WsUri, "/market/ws/btcusdt@kline_1m"), default);
        await Send(unrouted, """{"method":"SUBSCRIBE","params":["btcusdt@kline_1m"],"id":1}""");
        Assert.Contains("\"id\":1", await Receive(unrouted), StringComparison.Ordinal);

        h.Server.Market.PublishClosed("BTCUSDT", "1m", new FakeBinance.FakeCandle(1712738460000, 1, 2, 1, 2, 1));
        await Send(unrouted, """{"method":"LIST_SUBSCRIPTIONS","id":2}""");

        Assert.Contains("\"e\":\"kline\"", await Receive(routed), StringComparison.Ordinal);
        var next = await Receive(unrouted);
        Assert.Contains("\"id\":2", next, StringComparison.Ordinal);
        Assert.DoesNotContain("kline\"", next.Replace("@kline_", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static Task Send(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

    private static async Task<string> Receive(ClientWebSocket socket)
    {
        using var cts = new CancellationTokenSource(ChannelExtensions.Timeout);
        var buffer = new byte[8192];
        var result = await socket.ReceiveAsync(buffer, cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
