using System.Text.RegularExpressions;

namespace Ict.Exchange.Binance.Orders;

/// <summary>Client order ids and client algo ids: <c>^[\.A-Z\:/a-z0-9_-]{1,36}$</c>.</summary>
public static partial class ClientIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string id) =>
        IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a valid Binance client id (1-36 of A-Z a-z 0-9 . : / _ -).", nameof(id));

    /// <summary>
    /// A deterministic client id for one leg of a signal (<paramref name="role"/>: e.g. "e" entry, "sl", "tp"), so a
    /// restart derives the same id and can look the order up instead of sending it twice. Ids that would be too
    /// long or hold other characters are replaced by a hash of the signal id.
    /// </summary>
    public static string Derive(string signalId, string role)
    {
        var candidate = $"ict-{signalId}-{role}";
        if (IsValid(candidate))
        {
            return candidate;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(signalId)));
        return Require($"ict-{hash[..(31 - Math.Min(role.Length, 8))]}-{role[..Math.Min(role.Length, 8)]}");
    }

    [GeneratedRegex(@"^[\.A-Z\:/a-z0-9_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
