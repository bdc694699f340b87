using Ict.Abstractions;
using Ict.Exchange.Binance.Models;

namespace Ict.Exchange.Binance.Filters;

/// <summary>The exchangeInfo filters of one symbol, with rounding and validation. A field of 0 disables its rule.</summary>
public sealed record SymbolFilters(
    string Symbol,
    decimal MinPrice,
    decimal MaxPrice,
    decimal TickSize,
    decimal MinQty,
    decimal MaxQty,
    decimal StepSize,
    decimal MarketMinQty,
    decimal MarketMaxQty,
    decimal MarketStepSize,
    decimal MinNotional)
{
    public static SymbolFilters From(ExchangeSymbol s)
    {
        SymbolFilterEntry? Find(string type) => s.Filters.FirstOrDefault(f => f.FilterType == type);
        var price = Find("PRICE_FILTER");
        var lot = Find("LOT_SIZE");
        var market = Find("MARKET_LOT_SIZE") ?? lot;
        var notional = Find("MIN_NOTIONAL");
        var percent = Find("PERCENT_PRICE");
        return new SymbolFilters(
            s.Symbol,
            price?.MinPrice ?? 0,
            price?.MaxPrice ?? 0,
            price?.TickSize ?? 0,
            lot?.MinQty ?? 0,
            lot?.MaxQty ?? 0,
            lot?.StepSize ?? 0,
            market?.MinQty ?? 0,
            market?.MaxQty ?? 0,
            market?.StepSize ?? 0,
            notional?.Notional ?? 0)
        {
            MultiplierUp = percent?.MultiplierUp ?? 0,
            MultiplierDown = percent?.MultiplierDown ?? 0,
            Status = s.Status,
        };
    }

    /// <summary>The symbol's trading status in exchangeInfo (<c>TRADING</c>, or e.g. <c>SETTLING</c>, <c>CLOSE</c>); null when not given.</summary>
    public string? Status { get; init; }

    /// <summary>PERCENT_PRICE multiplierUp: a BUY limit price may be at most mark price × this (0: no rule).</summary>
    public decimal MultiplierUp { get; init; }

    /// <summary>PERCENT_PRICE multiplierDown: a SELL limit price must be at least mark price × this (0: no rule).</summary>
    public decimal MultiplierDown { get; init; }

    /// <summary>Rounds a price to the nearest tick measured from minPrice.</summary>
    public decimal RoundPrice(decimal price) =>
        TickSize <= 0 ? price : Normalize(MinPrice + (Math.Round((price - MinPrice) / TickSize, MidpointRounding.AwayFromZero) * TickSize));

    /// <summary>Rounds a quantity down to the step of LOT_SIZE (or MARKET_LOT_SIZE for market orders).</summary>
    public decimal RoundQuantityDown(decimal quantity, bool market)
    {
        var (min, step) = market ? (MarketMinQty, MarketStepSize) : (MinQty, StepSize);
        return step <= 0 ? quantity : Normalize(min + (Math.Floor((quantity - min) / step) * step));
    }

    /// <summary>Checks a price (limit or trigger) against PRICE_FILTER only.</summary>
    public void ValidatePrice(decimal price)
    {
        Check(price > 0, "PRICE_FILTER", $"price {price} must be positive");
        Check(MinPrice <= 0 || price >= MinPrice, "PRICE_FILTER", $"price {price} is below {MinPrice}");
        Check(MaxPrice <= 0 || price <= MaxPrice, "PRICE_FILTER", $"price {price} is above {MaxPrice}");
        Check(TickSize <= 0 || (price - MinPrice) % TickSize == 0, "PRICE_FILTER", $"price {price} is not on the {TickSize} tick");
    }

    /// <summary>
    /// PERCENT_PRICE: a BUY price must be ≤ mark × multiplierUp and a SELL price ≥ mark × multiplierDown, else Binance
    /// answers -4016 / -4024. Skipped when the mark price is unknown (0).
    /// </summary>
    public void ValidatePercentPrice(decimal price, OrderSide side, decimal markPrice)
    {
        if (markPrice <= 0)
        {
            return;
        }

        if (side == OrderSide.Buy)
        {
            Check(MultiplierUp <= 0 || price <= markPrice * MultiplierUp, "PERCENT_PRICE", $"buy price {price} is above {markPrice} × {MultiplierUp}");
        }
        else
        {
            Check(MultiplierDown <= 0 || price >= markPrice * MultiplierDown, "PERCENT_PRICE", $"sell price {price} is below {markPrice} × {MultiplierDown}");
        }
    }

    /// <summary>Throws <see cref="OrderValidationException"/> when the order breaks a filter.</summary>
    /// <param name="quantity">The order quantity.</param>
    /// <param name="price">The limit price, or the trigger/mark price used for the notional of a market order.</param>
    /// <param name="market">Whether MARKET_LOT_SIZE applies.</param>
    /// <param name="priceIsOrderPrice">Whether the price is sent (checked against PRICE_FILTER) or only used for the notional.</param>
    /// <param name="reduceOnly">Reduce-only orders are exempt from MIN_NOTIONAL.</param>
    public void Validate(decimal quantity, decimal price, bool market, bool priceIsOrderPrice, bool reduceOnly)
    {
        if (priceIsOrderPrice)
        {
            ValidatePrice(price);
        }

        var (filter, min, max, step) = market
            ? ("MARKET_LOT_SIZE", MarketMinQty, MarketMaxQty, MarketStepSize)
            : ("LOT_SIZE", MinQty, MaxQty, StepSize);
        Check(quantity > 0, filter, $"quantity {quantity} must be positive");
        Check(min <= 0 || quantity >= min, filter, $"quantity {quantity} is below {min}");
        Check(max <= 0 || quantity <= max, filter, $"quantity {quantity} is above {max}");
        Check(step <= 0 || (quantity - min) % step == 0, filter, $"quantity {quantity} is not on the {step} step");
        Check(reduceOnly || MinNotional <= 0 || price * quantity >= MinNotional, "MIN_NOTIONAL", $"notional {price * quantity} is below {MinNotional}");
    }

    /// <summary>The engine's view of these rules.</summary>
    public InstrumentRules ToInstrumentRules(int maxLeverage) =>
        new(new Ict.Abstractions.Symbol(Symbol), TickSize, StepSize, MinQty, MinNotional, maxLeverage);

    private void Check(bool ok, string filter, string detail)
    {
        if (!ok)
        {
            throw new OrderValidationException(Symbol, filter, detail);
        }
    }

    private static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;
}
