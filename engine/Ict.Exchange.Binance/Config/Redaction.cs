namespace Ict.Exchange.Binance.Config;

/// <summary>Keeps secrets out of log lines and error messages.</summary>
public static class Redaction
{
    public const string Placeholder = "***";

    /// <summary>Shows only the first four characters of a key, enough to tell two keys apart.</summary>
    public static string Mask(string? secret) =>
        string.IsNullOrEmpty(secret) ? string.Empty : secret.Length <= 8 ? Placeholder : secret[..4] + Placeholder;

    /// <summary>Replaces every occurrence of each secret, and any signature=... / listenKey=... value, in a text.</summary>
    public static string Redact(string text, params string?[] secrets)
    {
        var result = text;
        foreach (var s in secrets)
        {
            if (!string.IsNullOrEmpty(s))
            {
                result = result.Replace(s, Placeholder, StringComparison.Ordinal);
            }
        }

        return RedactParameter(RedactParameter(result, "signature="), "listenKey=");
    }

    public static string Redact(string text, BinanceCredentials? credentials) =>
        credentials is null ? Redact(text) : Redact(text, credentials.ApiKey, credentials.ApiSecret);

    private static string RedactParameter(string text, string name)
    {
        var start = 0;
        while ((start = text.IndexOf(name, start, StringComparison.Ordinal)) >= 0)
        {
            var valueStart = start + name.Length;
            var end = valueStart;
            while (end < text.Length && text[end] is not ('&' or ' ' or '"' or '\'' or '\n'))
            {
                end++;
            }

            text = string.Concat(text.AsSpan(0, valueStart), Placeholder, text.AsSpan(end));
            start = valueStart + Placeholder.Length;
        }

        return text;
    }
}
