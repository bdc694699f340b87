namespace Ict.Exchange.Binance.Rest;

/// <summary>Binance's endpoint security types.</summary>
public enum BinanceSecurity
{
    /// <summary>Public: no key.</summary>
    None = 0,

    /// <summary>USER_STREAM / MARKET_DATA: the API key header, no signature.</summary>
    ApiKey = 1,

    /// <summary>TRADE / USER_DATA: key, timestamp, recvWindow and signature.</summary>
    Signed = 2,
}
