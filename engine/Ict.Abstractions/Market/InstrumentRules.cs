namespace Ict.Abstractions;

/// <summary>The exchange's trading rules for one symbol (Binance's PRICE_FILTER, LOT_SIZE and MIN_NOTIONAL).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="TickSize">The price step.</param>
/// <param name="StepSize">The quantity step.</param>
/// <param name="MinQuantity">The smallest order quantity.</param>
/// <param name="MinNotional">The smallest order value in the quote asset (price × quantity).</param>
/// <param name="MaxLeverage">The highest leverage the engine may use on this symbol.</param>
public sealed record InstrumentRules(
    Symbol Symbol,
    decimal TickSize,
    decimal StepSize,
    decimal MinQuantity,
    decimal MinNotional,
    int MaxLeverage)
{
    /// <summary>Rounds a quantity down to the quantity step.</summary>
    /// <param name="quantity">The raw quantity.</param>
    /// <returns>The largest multiple of <see cref="StepSize"/> not above <paramref name="quantity"/>.</returns>
    public decimal RoundQuantityDown(decimal quantity) =>
        StepSize <= 0 ? quantity : Math.Floor(quantity / StepSize) * StepSize;

    /// <summary>Rounds a price to the nearest tick (half away from zero).</summary>
    /// <param name="price">The raw price.</param>
    /// <returns>The nearest multiple of <see cref="TickSize"/>.</returns>
    public decimal RoundPrice(decimal price) =>
        TickSize <= 0 ? price : Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;
}
