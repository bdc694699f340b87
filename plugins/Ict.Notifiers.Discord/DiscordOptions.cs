using System.ComponentModel.DataAnnotations;

namespace Ict.Notifiers.Discord;

/// <summary>Settings of the <c>discord</c> notifier.</summary>
public sealed record DiscordOptions : IValidatableObject
{
    /// <summary>The webhook URL, normally <c>${DISCORD_WEBHOOK_URL}</c>. Empty leaves the notifier inactive.</summary>
    public string WebhookUrl { get; init; } = string.Empty;

    /// <summary>The name the messages are posted under (empty: the webhook's own).</summary>
    [MaxLength(80)]
    public string Username { get; init; } = string.Empty;

    /// <summary>The longest <c>retry_after</c> a 429 may ask for before the send fails (the queue retries it later).</summary>
    [Range(0, 3600)]
    public double MaxRetryAfterSeconds { get; init; } = 60;

    /// <summary>How many 429 answers in a row one send honours.</summary>
    [Range(0, 20)]
    public int MaxRateLimitRetries { get; init; } = 3;

    /// <summary>The HTTP timeout of one request.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; init; } = 10;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The message never repeats the URL: it holds the webhook's token.
        if (WebhookUrl.Length > 0 && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(WebhookUrl)]);
        }
    }
}
