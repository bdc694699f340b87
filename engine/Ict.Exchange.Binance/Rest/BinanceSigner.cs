using System.Security.Cryptography;
using System.Text;

namespace Ict.Exchange.Binance.Rest;

/// <summary>HMAC-SHA256 over the exact bytes sent (query string + body, no separator), as lowercase hex.</summary>
public static class BinanceSigner
{
    public static string Sign(string secret, string totalParams)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(totalParams));
        return Convert.ToHexStringLower(mac);
    }
}
