namespace Ict.Exchange.Binance.Config;

/// <summary>Where orders go.</summary>
public enum BinanceMode
{
    /// <summary>No exchange: the engine's paper venue. No keys needed.</summary>
    Paper = 0,

    /// <summary>Binance's demo environment (demo-fapi.binance.com).</summary>
    Testnet = 1,

    /// <summary>Real money. The host must also require an explicit --live flag.</summary>
    Live = 2,
}
