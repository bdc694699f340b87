using System.ComponentModel.DataAnnotations;

namespace Ict.Notifiers.Telegram;

/// <summary>Settings of the <c>telegram</c> notifier.</summary>
public sealed record TelegramOptions : IValidatableObject
{
    /// <summary>The bot token, normally <c>${TELEGRAM_BOT_TOKEN}</c>. Empty leaves the notifier inactive.</summary>
    public string BotToken { get; init; } = string.Empty;

    /// <summary>The chat to post to (a user, group or channel id, or <c>@channelname</c>).</summary>
    public string ChatId { get; init; } = string.Empty;

    /// <summary>The Bot API's address; tests point it at a local server.</summary>
    public string BaseUrl { get; init; } = "https://api.telegram.org";

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
        if (BotToken.Length > 0 && ChatId.Trim().Length == 0)
        {
            yield return new ValidationResult("is required when botToken is set", [nameof(ChatId)]);
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(BaseUrl)]);
        }
    }
}
