namespace Ict.Exchange.Binance.Filters;

/// <summary>An order that would break a symbol filter; raised before anything is sent.</summary>
public sealed class OrderValidationException(string symbol, string filter, string detail)
    : Exception($"{symbol}: {filter}: {detail}")
{
    public string Symbol { get; } = symbol;

    /// <summary>The filter that failed: PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL or PERCENT_PRICE.</summary>
    public string Filter { get; } = filter;
}
