namespace FakeBinance;

/// <summary>exchangeInfo, balance and positionRisk bodies in Binance's shapes.</summary>
internal static class FakeExchangeInfo
{
    public static object Build(IEnumerable<FakeSymbol> symbols, long now) => new Dictionary<string, object?>
    {
        ["timezone"] = "UTC",
        ["serverTime"] = now,
        ["rateLimits"] = new object[]
        {
            new { rateLimitType = "REQUEST_WEIGHT", interval = "MINUTE", intervalNum = 1, limit = 2400 },
            new { rateLimitType = "ORDERS", interval = "MINUTE", intervalNum = 1, limit = 1200 },
            new { rateLimitType = "ORDERS", interval = "SECOND", intervalNum = 10, limit = 300 },
        },
        ["exchangeFilters"] = Array.Empty<object>(),
        ["assets"] = new[] { new { asset = "USDT", marginAvailable = true, autoAssetExchange = "-10000" } },
        ["symbols"] = symbols.Select(Symbol).ToList(),
    };

    public static object Balance(decimal wallet, long now) => new
    {
        accountAlias = "FakeAcct", asset = "USDT", balance = FakeJson.S(wallet), crossWalletBalance = FakeJson.S(wallet), crossUnPnl = "0",
        availableBalance = FakeJson.S(wallet), maxWithdrawAmount = FakeJson.S(wallet), marginAvailable = true, updateTime = now,
    };

    public static object Position(FakePosition p, decimal mark, long now) => new
    {
        symbol = p.Symbol, positionSide = "BOTH", positionAmt = FakeJson.S(p.Amount), entryPrice = FakeJson.S(p.EntryPrice),
        breakEvenPrice = FakeJson.S(p.EntryPrice), markPrice = FakeJson.S(mark), unRealizedProfit = FakeJson.S((mark - p.EntryPrice) * p.Amount),
        liquidationPrice = "0", isolatedMargin = "0", notional = FakeJson.S(mark * p.Amount), marginAsset = "USDT", isolatedWallet = "0",
        initialMargin = "0", maintMargin = "0", positionInitialMargin = "0", openOrderInitialMargin = "0", adl = 0,
        bidNotional = "0", askNotional = "0", updateTime = now,
    };

    private static object Symbol(FakeSymbol s) => new Dictionary<string, object?>
    {
        ["symbol"] = s.Name, ["pair"] = s.Name, ["contractType"] = "PERPETUAL", ["deliveryDate"] = 4133404800000, ["onboardDate"] = 1569398400000,
        ["status"] = s.Status, ["maintMarginPercent"] = "2.5000", ["requiredMarginPercent"] = "5.0000",
        ["baseAsset"] = s.Name[..^4], ["quoteAsset"] = "USDT", ["marginAsset"] = "USDT", ["pricePrecision"] = 2, ["quantityPrecision"] = 3,
        ["baseAssetPrecision"] = 8, ["quotePrecision"] = 8, ["underlyingType"] = "COIN", ["underlyingSubType"] = new[] { "PoW" },
        ["triggerProtect"] = "0.0500", ["liquidationFee"] = "0.012500", ["marketTakeBound"] = "0.05",
        ["filters"] = new object[]
        {
            new { filterType = "PRICE_FILTER", minPrice = FakeJson.S(s.MinPrice), maxPrice = FakeJson.S(s.MaxPrice), tickSize = FakeJson.S(s.TickSize) },
            new { stepSize = FakeJson.S(s.StepSize), filterType = "LOT_SIZE", maxQty = FakeJson.S(s.MaxQty), minQty = FakeJson.S(s.MinQty) },
            new { stepSize = FakeJson.S(s.StepSize), filterType = "MARKET_LOT_SIZE", maxQty = FakeJson.S(s.MarketMaxQty), minQty = FakeJson.S(s.MinQty) },
            new { limit = 200, filterType = "MAX_NUM_ORDERS" },
            new { notional = FakeJson.S(s.MinNotional), filterType = "MIN_NOTIONAL" },
            new { multiplierDown = s.MultiplierDown.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), multiplierUp = s.MultiplierUp.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), multiplierDecimal = 4, filterType = "PERCENT_PRICE" },
        },
        ["orderTypes"] = new[] { "LIMIT", "MARKET" },
        ["timeInForce"] = new[] { "GTC", "IOC", "FOK", "GTX", "GTD" },
    };
}
