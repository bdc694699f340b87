namespace FakeBinance;

/// <summary>The exchange-side filter checks, with Binance's error codes.</summary>
internal static class FakeValidation
{
    public static void CheckPrice(FakeSymbol s, decimal price)
    {
        if (price < s.MinPrice)
        {
            throw new FakeError(400, -4013, "Price less than min price.");
        }

        if (price > s.MaxPrice)
        {
            throw new FakeError(400, -4016, "Price is higher than mark price multiplier cap.");
        }

        if ((price - s.MinPrice) % s.TickSize != 0)
        {
            throw new FakeError(400, -4014, "Price not increased by tick size.");
        }
    }

    /// <summary>PERCENT_PRICE against the mark price (skipped while the fake has no price for the symbol).</summary>
    public static void CheckPercentPrice(FakeSymbol s, string side, decimal price, decimal mark)
    {
        if (mark > 0 && side == "BUY" && price > mark * s.MultiplierUp)
        {
            throw new FakeError(400, -4016, "Price is higher than mark price multiplier cap.");
        }

        if (mark > 0 && side == "SELL" && price < mark * s.MultiplierDown)
        {
            throw new FakeError(400, -4024, "Price is lower than mark price multiplier floor.");
        }
    }

    public static void CheckQuantity(FakeSymbol s, decimal qty, bool market)
    {
        if (qty <= 0)
        {
            throw new FakeError(400, -4003, "Quantity less than zero.");
        }

        if (qty < s.MinQty)
        {
            throw new FakeError(400, -4004, "Quantity less than min quantity.");
        }

        if (qty > (market ? s.MarketMaxQty : s.MaxQty))
        {
            throw new FakeError(400, -4005, "Quantity greater than max quantity.");
        }

        if ((qty - s.MinQty) % s.StepSize != 0)
        {
            throw new FakeError(400, -4023, "Qty not increased by step size.");
        }
    }
}
