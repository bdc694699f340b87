using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ict.Abstractions;
using Ict.Notifiers.Shared;

namespace Ict.Notifiers.Telegram;

/// <summary>
/// Sends each notification as a plain-text Telegram message (Bot API <c>sendMessage</c>). A 429 is honoured by
/// waiting <c>parameters.retry_after</c> seconds; any other failure faults the send so the engine's queue retries
/// it. Errors never contain the bot token.
/// </summary>
[IctPlugin("telegram", PluginKind.Notifier, "1.0.0", PluginApi.Version)]
public sealed class TelegramNotifier : INotifier, IConfigurable<TelegramOptions>, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private TelegramOptions _options = new();
    private Uri? _url;

    /// <summary>Creates the notifier the engine loads, with its own HTTP client and the system clock.</summary>
    public TelegramNotifier()
        : this(new HttpClient(), TimeProvider.System, ownsHttp: true)
    {
    }

    /// <summary>Creates a notifier on a given HTTP client and clock (tests); the caller disposes the client.</summary>
    /// <param name="http">The client to post with.</param>
    /// <param name="time">The clock <c>retry_after</c> waits are measured on.</param>
    public TelegramNotifier(HttpClient http, TimeProvider time)
        : this(http, time, ownsHttp: false)
    {
    }

    private TelegramNotifier(HttpClient http, TimeProvider time, bool ownsHttp)
    {
        _http = http;
        _time = time;
        _ownsHttp = ownsHttp;
    }

    /// <inheritdoc/>
    public void Configure(TelegramOptions options)
    {
        _options = options;
        _url = options.BotToken.Length == 0 ? null : new Uri($"{options.BaseUrl.TrimEnd('/')}/bot{options.BotToken}/sendMessage");
    }

    /// <inheritdoc/>
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var url = _url ?? throw new InvalidOperationException("the telegram notifier has no botToken (set TELEGRAM_BOT_TOKEN)");
        var body = new JsonObject
        {
            ["chat_id"] = _options.ChatId,
            ["text"] = Text(notification),
            ["disable_web_page_preview"] = true,
        };
        await new RateLimitedPoster(_http, _time, "Telegram").PostAsync(
            url,
            body,
            new PosterLimits(_options.TimeoutSeconds, _options.MaxRateLimitRetries, _options.MaxRetryAfterSeconds),
            ReadErrorAsync,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static string Text(Notification n)
    {
        var icon = n.Kind switch
        {
            NotificationKind.PositionOpened => n.Position?.Side == PositionSide.Short ? "🔴" : "🟢",
            NotificationKind.PositionClosed => n.Trade?.NetPnl >= 0 ? "✅" : "❌",
            NotificationKind.Error => "⚠️",
            _ => "ℹ️",
        };
        var text = $"{icon} {n.Title}\n{n.Message}";
        return text.Length <= 4096 ? text : text[..4095] + "…";
    }

    private static async Task<(string Description, TimeSpan RetryAfter)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            var description = json.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? $": {d.GetString()}" : string.Empty;
            var retry = json.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(1);
            return (description, retry);
        }
        catch (JsonException)
        {
            return (string.Empty, TimeSpan.FromSeconds(1));
        }
    }
}
