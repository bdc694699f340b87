using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ict.Abstractions;

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
        for (var attempt = 0; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            HttpResponseMessage response;
            try
            {
                response = await _http.PostAsJsonAsync(url, body, timeout.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new HttpRequestException($"Discord webhook unreachable: {ex.HttpRequestError}", null, ex.StatusCode);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Discord webhook did not answer within {_options.TimeoutSeconds}s");
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new HttpRequestException($"Discord answered {(int)response.StatusCode} ({response.StatusCode})", null, response.StatusCode);
                }

                var wait = await RetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                if (attempt >= _options.MaxRateLimitRetries || wait.TotalSeconds > _options.MaxRetryAfterSeconds)
                {
                    throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                        $"Discord rate limit: retry_after {wait.TotalSeconds:0.###}s after {attempt + 1} attempt(s)"), null, response.StatusCode);
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
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
