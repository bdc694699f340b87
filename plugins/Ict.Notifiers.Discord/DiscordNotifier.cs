using System.Net.Http.Json;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Notifiers.Shared;

namespace Ict.Notifiers.Discord;

/// <summary>
/// Posts each notification to a Discord webhook as an embed. A 429 is honoured: the send waits the
/// <c>retry_after</c> Discord asks for (body, else the Retry-After header) and tries again, up to a limit; any other
/// failure faults the send so the engine's queue retries it with backoff. Errors never contain the URL.
/// </summary>
[IctPlugin("discord", PluginKind.Notifier, "1.0.0", PluginApi.Version)]
public sealed class DiscordNotifier : INotifier, IConfigurable<DiscordOptions>, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private DiscordOptions _options = new();
    private Uri? _url;

    /// <summary>Creates the notifier the engine loads, with its own HTTP client and the system clock.</summary>
    public DiscordNotifier()
        : this(new HttpClient(), TimeProvider.System, ownsHttp: true)
    {
    }

    /// <summary>Creates a notifier on a given HTTP client and clock (tests).</summary>
    /// <param name="http">The client to post with; the caller disposes it.</param>
    /// <param name="time">The clock <c>retry_after</c> waits are measured on.</param>
    public DiscordNotifier(HttpClient http, TimeProvider time)
        : this(http, time, ownsHttp: false)
    {
    }

    private DiscordNotifier(HttpClient http, TimeProvider time, bool ownsHttp)
    {
        _http = http;
        _time = time;
        _ownsHttp = ownsHttp;
    }

    /// <inheritdoc/>
    public void Configure(DiscordOptions options)
    {
        _options = options;
        _url = options.WebhookUrl.Length == 0 ? null : new Uri(options.WebhookUrl);
    }

    /// <inheritdoc/>
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var url = _url ?? throw new InvalidOperationException("the discord notifier has no webhookUrl (set DISCORD_WEBHOOK_URL)");
        var body = DiscordEmbed.Build(notification, _options.Username);
        await new RateLimitedPoster(_http, _time, "Discord webhook").PostAsync(
            url,
            body,
            new PosterLimits(_options.TimeoutSeconds, _options.MaxRateLimitRetries, _options.MaxRetryAfterSeconds),
            async (response, ct) => (string.Empty, await RetryAfterAsync(response, ct).ConfigureAwait(false)),
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

    /// <summary>Discord's 429 body carries <c>retry_after</c> in seconds (a fraction); the header is the fallback.</summary>
    private static async Task<TimeSpan> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("retry_after", out var value) && value.TryGetDouble(out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            // not JSON: fall back to the header
        }

        return response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
    }
}
