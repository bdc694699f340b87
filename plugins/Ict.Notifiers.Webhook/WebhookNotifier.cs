using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ict.Abstractions;

namespace Ict.Notifiers.Webhook;

/// <summary>
/// POSTs each notification as JSON: <c>{ kind, severity, title, message, time, position?, trade? }</c> with
/// camelCase names, enums as words and prices as JSON numbers. Any non-2xx answer faults the send, so the engine's
/// queue retries it. Errors never contain the URL.
/// </summary>
[IctPlugin("webhook", PluginKind.Notifier, "1.0.0", PluginApi.Version)]
public sealed class WebhookNotifier : INotifier, IConfigurable<WebhookOptions>, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new SymbolConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private WebhookOptions _options = new();
    private Uri? _url;

    /// <summary>Creates the notifier the engine loads, with its own HTTP client.</summary>
    public WebhookNotifier()
        : this(new HttpClient(), ownsHttp: true)
    {
    }

    /// <summary>Creates a notifier on a given HTTP client (tests); the caller disposes it.</summary>
    /// <param name="http">The client to post with.</param>
    public WebhookNotifier(HttpClient http)
        : this(http, ownsHttp: false)
    {
    }

    private WebhookNotifier(HttpClient http, bool ownsHttp)
    {
        _http = http;
        _ownsHttp = ownsHttp;
    }

    /// <inheritdoc/>
    public void Configure(WebhookOptions options)
    {
        _options = options;
        _url = options.Url.Length == 0 ? null : new Uri(options.Url);
    }

    /// <inheritdoc/>
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var url = _url ?? throw new InvalidOperationException("the webhook notifier has no url");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(url, notification, Json, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"webhook unreachable: {ex.HttpRequestError}", null, ex.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"webhook did not answer within {_options.TimeoutSeconds}s");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"webhook answered {(int)response.StatusCode} ({response.StatusCode})", null, response.StatusCode);
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

    private sealed class SymbolConverter : JsonConverter<Symbol>
    {
        public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
