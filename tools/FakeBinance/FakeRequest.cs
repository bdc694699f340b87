using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FakeBinance;

/// <summary>One REST request as the fake sees it: merged parameters (query wins) and the signed-bytes check.</summary>
public sealed record FakeRequest(string Method, string Path, string RawQuery, string RawBody, IReadOnlyDictionary<string, string> Parameters)
{
    public static async Task<FakeRequest> ReadAsync(HttpContext ctx)
    {
        var query = ctx.Request.QueryString.HasValue ? ctx.Request.QueryString.Value![1..] : string.Empty;
        using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in QueryHelpers.ParseQuery(body))
        {
            merged[k] = v.ToString();
        }

        foreach (var (k, v) in QueryHelpers.ParseQuery(query))
        {
            merged[k] = v.ToString();
        }

        return new FakeRequest(ctx.Request.Method, ctx.Request.Path.Value ?? string.Empty, query, body, merged);
    }

    public string? Get(string name) => Parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Require(string name) =>
        Get(name) ?? throw new FakeError(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public decimal RequireDecimal(string name) =>
        decimal.TryParse(Require(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d : throw new FakeError(400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");

    public long? GetLong(string name) =>
        Get(name) is { } s ? long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>HMAC-SHA256 over query + body (no separator) up to the final signature parameter.</summary>
    public bool HasValidSignature(string secret)
    {
        var total = RawQuery + RawBody;
        var at = total.LastIndexOf("signature=", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var signature = total[(at + "signature=".Length)..];
        var signed = total[..at];
        if (signed.EndsWith('&'))
        {
            signed = signed[..^1];
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed)));
        return string.Equals(expected, signature, StringComparison.OrdinalIgnoreCase);
    }
}
