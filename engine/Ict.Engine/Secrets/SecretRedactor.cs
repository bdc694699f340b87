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
        // A secret can reach a log line as written or escaped inside a JSON string (the JSON log file, a payload in an
        // error message): hide every form.
        var all = _secrets.Concat(secrets.Where(s => s.Length >= 6).SelectMany(EscapedForms)).Distinct(StringComparer.Ordinal)
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

    private static IEnumerable<string> EscapedForms(string secret)
    {
        // As written, and as it looks after up to two rounds of quoting: Serilog renders a string property with its
        // quotes escaped (backslashes kept), a JSON writer escapes both; a rendered message inside a JSON log line
        // gets one after the other. System.Text.Json's default escaping (+, <, &, non-ASCII) is covered too.
        static string QuotesOnly(string text) => text.Replace("\"", "\\\"", StringComparison.Ordinal);
        static string Json(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        Func<string, string>[] rounds = [QuotesOnly, Json];
        yield return secret;
        yield return System.Text.Json.JsonEncodedText.Encode(secret).ToString();
        foreach (var first in rounds)
        {
            yield return first(secret);
            foreach (var second in rounds)
            {
                yield return second(first(secret));
            }
        }
    }

    /// <summary>The exception's type and message, redacted: for logs and error columns.</summary>
    public string Describe(Exception exception) => Redact($"{exception.GetType().Name}: {exception.Message}");
}
