using System.Globalization;
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
        // The key is "strategy|symbol|side|open time in ms" as UTF-8; the first 8 bytes of its hash are the 16 digits.
        var side = signal.Side.ToString();
        var symbol = signal.Symbol.Value;
        var length = Encoding.UTF8.GetByteCount(strategyId) + Encoding.UTF8.GetByteCount(symbol) + side.Length + 3 + 20;
        Span<byte> key = length <= 256 ? stackalloc byte[length] : new byte[length];
        var at = Encoding.UTF8.GetBytes(strategyId, key);
        key[at++] = (byte)'|';
        at += Encoding.UTF8.GetBytes(symbol, key[at..]);
        key[at++] = (byte)'|';
        at += Encoding.UTF8.GetBytes(side, key[at..]);
        key[at++] = (byte)'|';
        if (!candleOpenTime.ToUnixTimeMilliseconds().TryFormat(key[at..], out var digits, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("the signal key does not fit");
        }

        Span<byte> hash = stackalloc byte[Sha256.HashSize];
        Sha256.Hash(key[..(at + digits)], hash);
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
