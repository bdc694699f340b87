namespace Ict.Engine.Secrets;

/// <summary>
/// Replaces every known secret (webhook URLs, bot tokens, keys substituted from the environment or a secrets file)
/// with <c>***</c>. Longer secrets are replaced first, so a URL is hidden whole rather than around its token.
/// Values under 6 characters are not treated as secrets: redacting them would mangle ordinary text.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private volatile string[] _secrets = [];

    public SecretRedactor(IEnumerable<string>? secrets = null) => Add(secrets ?? []);

    public static SecretRedactor None { get; } = new();

    /// <summary>Adds secrets (for example after a config reload); existing ones stay.</summary>
    public void Add(IEnumerable<string> secrets)
    {
        var all = _secrets.Concat(secrets.Where(s => s.Length >= 6)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();
        _secrets = all;
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The exception's type and message, redacted: for logs and error columns.</summary>
    public string Describe(Exception exception) => Redact($"{exception.GetType().Name}: {exception.Message}");
}
