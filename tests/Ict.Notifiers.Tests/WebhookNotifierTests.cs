using System.Net;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Notifiers.Tests.Support;
using Ict.Notifiers.Webhook;

namespace Ict.Notifiers.Tests;

public sealed class WebhookNotifierTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private LoopbackServer _server = null!;
    private WebhookNotifier _notifier = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _notifier = new WebhookNotifier(_http);
        _notifier.Configure(new WebhookOptions { Url = new Uri(_server.BaseUri, "/hooks/ict?key=k3y").ToString() });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_closed_trade_is_posted_as_camel_case_json_with_the_trade_figures()
    {
        await _notifier.SendAsync(Notifications.Closed(-8.25m), CancellationToken.None);

        var request = await _server.NextAsync();
        Assert.Equal("/hooks/ict?key=k3y", request.PathAndQuery);
        var root = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("PositionClosed", root.GetProperty("kind").GetString());
        Assert.Equal("Warning", root.GetProperty("severity").GetString());
        Assert.Equal("LONG BTCUSDT closed", root.GetProperty("title").GetString());
        var trade = root.GetProperty("trade");
        Assert.Equal("BTCUSDT", trade.GetProperty("symbol").GetString());
        Assert.Equal(-8.25m, trade.GetProperty("netPnl").GetDecimal());
        Assert.Equal("StopLoss", trade.GetProperty("exitReason").GetString());
        Assert.False(root.TryGetProperty("position", out _));
    }

    [Fact]
    public async Task A_non_success_answer_fails_the_send_without_the_url_in_the_error()
    {
        _server.Enqueue(503);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _notifier.SendAsync(Notifications.Opened(PositionSide.Long), CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.DoesNotContain("k3y", error.ToString(), StringComparison.Ordinal);
    }
}
