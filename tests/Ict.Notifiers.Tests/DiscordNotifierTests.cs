using System.Net;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Notifiers.Discord;
using Ict.Notifiers.Tests.Support;

namespace Ict.Notifiers.Tests;

public sealed class DiscordNotifierTests : IAsyncLifetime
{
    private const string Token = "s3cr3t-w3bh00k-t0k3n";
    private readonly HttpClient _http = new();
    private readonly ManualTimeProvider _time = new();
    private LoopbackServer _server = null!;
    private DiscordNotifier _notifier = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _notifier = new DiscordNotifier(_http, _time);
        _notifier.Configure(new DiscordOptions { WebhookUrl = new Uri(_server.BaseUri, $"/api/webhooks/123/{Token}").ToString(), Username = "ict" });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_long_position_opened_is_posted_as_a_green_embed_with_symbol_entry_size_stop_and_target()
    {
        await _notifier.SendAsync(Notifications.Opened(PositionSide.Long), CancellationToken.None);

        var request = await _server.NextAsync();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/api/webhooks/123/{Token}", request.PathAndQuery);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("ict", body.RootElement.GetProperty("username").GetString());
        var embed = body.RootElement.GetProperty("embeds")[0];
        Assert.Equal(DiscordEmbed.Green, embed.GetProperty("color").GetInt32());
        Assert.Equal("2024-03-01T10:15:00.000Z", embed.GetProperty("timestamp").GetString());
        var fields = Fields(embed);
        Assert.Equal("BTCUSDT", fields["Symbol"]);
        Assert.Equal("42000.5", fields["Entry"]);
        Assert.Equal("0.025", fields["Size"]);
        Assert.Equal("41800", fields["SL"]);
        Assert.Equal("42420", fields["TP"]);
    }

    [Fact]
    public async Task A_short_position_opened_is_red()
    {
        await _notifier.SendAsync(Notifications.Opened(PositionSide.Short), CancellationToken.None);

        var embed = Embed(await _server.NextAsync());
        Assert.Equal(DiscordEmbed.Red, embed.GetProperty("color").GetInt32());
    }

    [Theory]
    [InlineData(12.5, DiscordEmbed.Green, "+12.50", "TakeProfit")]
    [InlineData(-8.25, DiscordEmbed.Red, "-8.25", "StopLoss")]
    public async Task A_closed_position_shows_its_pnl_in_green_or_red_and_its_exit_reason(double pnl, int color, string shown, string reason)
    {
        await _notifier.SendAsync(Notifications.Closed((decimal)pnl), CancellationToken.None);

        var embed = Embed(await _server.NextAsync());
        Assert.Equal(color, embed.GetProperty("color").GetInt32());
        Assert.Equal(shown, Fields(embed)["PnL"]);
        Assert.Equal(reason, Fields(embed)["Exit reason"]);
    }

    [Fact]
    public async Task An_error_is_a_red_embed_with_the_message()
    {
        await _notifier.SendAsync(Notifications.Error("the venue timed out"), CancellationToken.None);

        var embed = Embed(await _server.NextAsync());
        Assert.Equal(DiscordEmbed.Red, embed.GetProperty("color").GetInt32());
        Assert.Equal("the venue timed out", embed.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_429_is_honoured_by_waiting_its_retry_after_then_sending_again()
    {
        _server.Enqueue(429, """{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}""");

        var send = _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None);
        await _server.NextAsync();
        var wait = await _time.NextTimerAsync();
        Assert.Equal(TimeSpan.FromSeconds(2.5), wait);
        Assert.False(send.IsCompleted);

        _time.Advance(TimeSpan.FromSeconds(2.5));
        await send.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await _server.NextAsync();
        Assert.Equal("x", Embed(second).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_429_without_a_body_falls_back_to_the_Retry_After_header()
    {
        _server.Enqueue(429, string.Empty, retryAfterHeader: "3");

        var send = _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(3), await _time.NextTimerAsync());
        _time.Advance(TimeSpan.FromSeconds(3));
        await send.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_limit_fails_the_send_without_waiting()
    {
        _notifier.Configure(new DiscordOptions { WebhookUrl = new Uri(_server.BaseUri, $"/api/webhooks/123/{Token}").ToString(), MaxRetryAfterSeconds = 5 });
        _server.Enqueue(429, """{"retry_after": 600}""");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_fails_the_send_with_a_message_that_does_not_contain_the_url()
    {
        _server.Enqueue(500, """{"message": "boom"}""");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_webhook_fails_without_the_url_in_the_error()
    {
        var port = _server.BaseUri.Port;
        await _server.DisposeAsync();
        _server = await LoopbackServer.StartAsync();
        _notifier.Configure(new DiscordOptions { WebhookUrl = $"http://127.0.0.1:{port}/api/webhooks/1/{Token}" });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None));

        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    private static JsonElement Embed(ReceivedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("embeds")[0].Clone();

    private static Dictionary<string, string> Fields(JsonElement embed) =>
        embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
}
