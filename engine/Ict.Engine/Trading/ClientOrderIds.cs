using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>
/// Ids derived from the signal, so a restart that sees the same signal produces the same ids and never sends an
/// order twice. Client order ids fit Binance's rule (at most 36 of <c>[.A-Z:/a-z0-9_-]</c>).
/// </summary>
public static class ClientOrderIds
{
    /// <summary>A stable id for a signal: 16 hex digits of SHA-256 over strategy, symbol, side and candle time.</summary>
    public static string SignalId(string strategyId, EntrySignal signal, DateTimeOffset candleOpenTime)
    {
        var key = string.Join('|', strategyId, signal.Symbol.Value, signal.Side.ToString(), candleOpenTime.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        // The first 8 bytes of the hash are the first 16 hex digits; hashed from the stack when the key is short.
        var length = Encoding.UTF8.GetByteCount(key);
        Span<byte> utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>The client order id for one of a signal's orders.</summary>
    public static string For(string signalId, OrderRole role) => $"ict-{signalId}-{role switch
    {
        OrderRole.Entry => "en",
        OrderRole.StopLoss => "sl",
        OrderRole.TakeProfit => "tp",
        _ => "ex",
    }}";
}

/// <summary>What an order is for.</summary>
public enum OrderRole
{
    Entry,
    StopLoss,
    TakeProfit,
    Exit,
}
