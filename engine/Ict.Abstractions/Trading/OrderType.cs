namespace Ict.Abstractions;

/// <summary>The order types the engine uses, named as on Binance USDⓈ-M.</summary>
public enum OrderType
{
    /// <summary>Fills at the market price.</summary>
    Market = 1,

    /// <summary>Rests at a limit price.</summary>
    Limit = 2,

    /// <summary>A stop-loss: becomes a market order when the trigger price trades.</summary>
    StopMarket = 3,

    /// <summary>A take-profit: becomes a market order when the trigger price trades.</summary>
    TakeProfitMarket = 4,
}
