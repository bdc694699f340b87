using System.Text.RegularExpressions;

namespace Ict.Exchange.Binance.Orders;

/// <summary>
/// Client order ids and client algo ids: <c>^[\.A-Z\:/a-z0-9_-]{1,36}$</c>. The engine derives them from the signal
/// (Ict.Engine's ClientOrderIds); this side only checks them before anything is sent.
/// </summary>
public static partial class ClientIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string Require(string id) =>
        IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a valid Binance client id (1-36 of A-Z a-z 0-9 . : / _ -).", nameof(id));

    [GeneratedRegex(@"^[\.A-Z\:/a-z0-9_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
