using Ict.Exchange.Binance.Filters;
using Ict.Exchange.Binance.Json;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>Rounding and validation against the real BTCUSDT filters (tick 0.10 from 556.80, step 0.001, market max 120, notional 5).</summary>
public sealed class BinanceFilterTests
{
    private static SymbolFilters Btc()
    {
        var symbols = BinanceJson.Deserialize<List<ExchangeSymbol>>(File.ReadAllText(SharedData.RequireFile("binance/recorded/exchangeInfo_symbols_BTCUSDT_ETHUSDT.json")));
        return SymbolFilters.From(symbols.Single(s => s.Symbol == "BTCUSDT"));
    }

    [SkippableFact]
    public void Binance_RealBtcFilters_AreReadFromFilterObjectsWithVaryingKeyOrder()
    {
        var f = Btc();

        Assert.Equal(0.10m, f.TickSize);
        Assert.Equal(556.80m, f.MinPrice);
        Assert.Equal(0.001m, f.StepSize);
        Assert.Equal(120m, f.MarketMaxQty);
        Assert.Equal(1000m, f.MaxQty);
        Assert.Equal(5m, f.MinNotional);
    }

    [SkippableFact]
    public void Binance_PriceRounding_LandsOnTheTickAndQuantityRoundsDownToTheStep()
    {
        var f = Btc();

        Assert.Equal(65000.0m, f.RoundPrice(65000.04m));
        Assert.Equal(65000.1m, f.RoundPrice(65000.05m));
        Assert.Equal(0.012m, f.RoundQuantityDown(0.0129m, market: true));
        f.Validate(f.RoundQuantityDown(0.0129m, true), f.RoundPrice(65000.04m), market: false, priceIsOrderPrice: true, reduceOnly: false);
    }

    [SkippableTheory]
    [InlineData("0.0015", "65000.0", false, "LOT_SIZE")]
    [InlineData("0.001", "65000.05", false, "PRICE_FILTER")]
    [InlineData("150", "65000.0", true, "MARKET_LOT_SIZE")]
    [InlineData("0.001", "1000.0", false, "MIN_NOTIONAL")]
    [InlineData("0.001", "500.0", false, "PRICE_FILTER")]
    public void Binance_OrderBreakingAFilter_IsRefusedNamingTheFilter(string qty, string price, bool market, string filter)
    {
        var f = Btc();
        var q = decimal.Parse(qty, System.Globalization.CultureInfo.InvariantCulture);
        var p = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<OrderValidationException>(() => f.Validate(q, p, market, priceIsOrderPrice: !market || filter == "PRICE_FILTER", reduceOnly: false));
        Assert.Equal(filter, error.Filter);
    }

    [SkippableFact]
    public void Binance_ReduceOnlyOrder_IsExemptFromMinNotional()
    {
        Btc().Validate(0.001m, 1000.0m, market: false, priceIsOrderPrice: true, reduceOnly: true);
    }

    [SkippableFact]
    public void Binance_Filters_BecomeTheEnginesInstrumentRules()
    {
        var rules = Btc().ToInstrumentRules(maxLeverage: 20);

        Assert.Equal("BTCUSDT", rules.Symbol.Value);
        Assert.Equal(0.10m, rules.TickSize);
        Assert.Equal(0.001m, rules.StepSize);
        Assert.Equal(0.001m, rules.MinQuantity);
        Assert.Equal(5m, rules.MinNotional);
        Assert.Equal(20, rules.MaxLeverage);
    }
}
