using System.Text.Json;
using Ict.Abstractions;
using Ict.Notifiers.Telegram;
using Ict.Notifiers.Tests.Support;

namespace Ict.Notifiers.Tests;

public sealed class TelegramNotifierTests : IAsyncLifetime
{
    private const string Token = "123456:AAbot-token-secret";
    private readonly HttpClient _http = new();
    private readonly ManualTimeProvider _time = new();
    private LoopbackServer _server = null!;
    private TelegramNotifier _notifier = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _notifier = new TelegramNotifier(_http, _time);
        _notifier.Configure(new TelegramOptions { BotToken = Token, ChatId = "-10042", BaseUrl = _server.BaseUri.ToString() });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_notification_is_sent_with_sendMessage_to_the_configured_chat()
    {
        await _notifier.SendAsync(Notifications.Opened(PositionSide.Long), CancellationToken.None);

        var request = await _server.NextAsync();
        Assert.Equal($"/bot{Token}/sendMessage", request.PathAndQuery);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("-10042", body.GetProperty("chat_id").GetString());
        Assert.StartsWith("🟢 Long BTCUSDT opened", body.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_the_retry_after_from_its_parameters_then_sends_again()
    {
        _server.Enqueue(429, """{"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 7", "parameters": {"retry_after": 7}}""");

        var send = _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(7), await _time.NextTimerAsync());
        _time.Advance(TimeSpan.FromSeconds(7));
        await send.WaitAsync(TimeSpan.FromSeconds(10));

        await _server.NextAsync();
        await _server.NextAsync();
    }

    [Fact]
    public async Task A_refused_message_fails_with_telegrams_description_and_without_the_token()
    {
        _server.Enqueue(400, """{"ok": false, "error_code": 400, "description": "Bad Request: chat not found"}""");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _notifier.SendAsync(Notifications.Error("x"), CancellationToken.None));

        Assert.Contains("chat not found", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }
}
