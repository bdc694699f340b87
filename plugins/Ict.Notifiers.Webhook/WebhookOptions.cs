using System.ComponentModel.DataAnnotations;

namespace Ict.Notifiers.Webhook;

/// <summary>Settings of the <c>webhook</c> notifier.</summary>
public sealed record WebhookOptions : IValidatableObject
{
    /// <summary>Where to POST, normally from the environment (<c>${ICT_WEBHOOK_URL}</c>). Empty leaves it inactive.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>The HTTP timeout of one request.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; init; } = 10;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url.Length > 0 && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(Url)]);
        }
    }
}
