using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Trading;

namespace Ict.Engine.Tests.Trading;

public sealed class PaperVenueTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly InstrumentRules Rules = new(Btc, 0.1m, 0.001m, 0.001m, 5m, 20);
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MarketEntry_FillsAtTheNextOpen_WithSlippageRoundedAgainstUs_AndTheTakerFee()
    {
        var venue = Venue(slippageBps: 10m, takerFee: 0.0005m);

        Assert.Null(venue.Submit(Order("e", OrderSide.Buy, OrderType.Market, 0.5m), null, T0));
        var fill = Assert.Single(venue.FillAtOpen(Candle(T0.AddMinutes(15), open: 100m, high: 101m, low: 99m, close: 100m)));

        // 100 × (1 + 0.001) = 100.1, already on the tick; fee = 100.1 × 0.5 × 0.0005.
        Assert.Equal(100.1m, fill.Price);
        Assert.Equal(0.025025m, fill.Fee);
        Assert.Equal(T0.AddMinutes(15), fill.Time);
    }

    [Fact]
    public void MarketEntry_WaitsForItsOwnSymbol()
    {
        var venue = Venue();
        venue.Submit(Order("e", OrderSide.Buy, OrderType.Market, 1m), null, T0);

        var other = new Candle(new Symbol("ETHUSDT"), Interval.Parse("15m"), T0.AddMinutes(15), 10m, 11m, 9m, 10m, 1m);

        Assert.Empty(venue.FillAtOpen(other));
        Assert.Single(venue.FillAtOpen(Candle(T0.AddMinutes(15), 100m, 101m, 99m, 100m)));
    }

    [Fact]
    public void SellSlippage_RoundsDownToTheTick()
    {
        var venue = Venue(slippageBps: 1m);
        venue.Submit(Order("e", OrderSide.Sell, OrderType.Market, 1m), null, T0);

        var fill = Assert.Single(venue.FillAtOpen(Candle(T0, 42000.0m, 42100m, 41900m, 42000m)));

        // 42000 × 0.9999 = 41995.8 exactly on the tick.
        Assert.Equal(41995.8m, fill.Price);
    }

    [Fact]
    public void WhenOneCandleTouchesStopAndTarget_TheStopFillsFirst_AndTheTargetExpires()
    {
        var venue = Venue();
        OpenLong(venue);
        venue.Submit(Order("tp", OrderSide.Sell, OrderType.TakeProfitMarket, 1m, trigger: 105m), null, T0);
        venue.Submit(Order("sl", OrderSide.Sell, OrderType.StopMarket, 1m, trigger: 95m), null, T0);

        var triggers = venue.CheckTriggers(Candle(T0.AddMinutes(30), open: 100m, high: 106m, low: 94m, close: 100m));

        Assert.Equal(2, triggers.Count);
        Assert.Equal("sl", triggers[0].Order.ClientOrderId);
        Assert.Equal(95m, triggers[0].Fill!.Price);
        Assert.Equal("tp", triggers[1].Order.ClientOrderId);
        Assert.Null(triggers[1].Fill); // nothing left to reduce
    }

    [Fact]
    public void StopLoss_WhenTheCandleOpensBeyondIt_FillsAtTheOpen()
    {
        var venue = Venue();
        OpenLong(venue);
        venue.Submit(Order("sl", OrderSide.Sell, OrderType.StopMarket, 1m, trigger: 95m), null, T0);

        var fill = Assert.Single(venue.CheckTriggers(Candle(T0.AddMinutes(30), open: 90m, high: 92m, low: 88m, close: 91m))).Fill;

        Assert.Equal(90m, fill!.Price);
        Assert.Equal(T0.AddMinutes(45), fill.Time); // known when the candle closes
    }

    [Fact]
    public void ShortStopAndTarget_TriggerInTheirOwnDirections()
    {
        var venue = Venue();
        venue.Submit(Order("e", OrderSide.Sell, OrderType.Market, 1m), null, T0);
        venue.FillAtOpen(Candle(T0, 100m, 100m, 100m, 100m));
        venue.Submit(Order("sl", OrderSide.Buy, OrderType.StopMarket, 1m, trigger: 105m), null, T0);
        venue.Submit(Order("tp", OrderSide.Buy, OrderType.TakeProfitMarket, 1m, trigger: 95m), null, T0);

        Assert.Empty(venue.CheckTriggers(Candle(T0.AddMinutes(15), 100m, 104.9m, 95.1m, 100m)));
        var fill = Assert.Single(venue.CheckTriggers(Candle(T0.AddMinutes(30), 100m, 101m, 94m, 96m))).Fill;

        Assert.Equal(95m, fill!.Price);
    }

    [Fact]
    public void CanceledOrder_NeverFills()
    {
        var venue = Venue();
        OpenLong(venue);
        venue.Submit(Order("sl", OrderSide.Sell, OrderType.StopMarket, 1m, trigger: 95m), null, T0);

        Assert.True(venue.Cancel("sl"));
        Assert.Empty(venue.CheckTriggers(Candle(T0.AddMinutes(30), 100m, 100m, 80m, 90m)));
    }

    private static void OpenLong(PaperVenue venue)
    {
        venue.Submit(Order("e", OrderSide.Buy, OrderType.Market, 1m), null, T0);
        venue.FillAtOpen(Candle(T0.AddMinutes(15), 100m, 100m, 100m, 100m));
    }

    private static PaperVenue Venue(decimal slippageBps = 0m, decimal takerFee = 0m) =>
        new(new PaperOptions { SlippageBps = slippageBps, TakerFeeRate = takerFee }, _ => Rules);

    private static VenueOrder Order(string id, OrderSide side, OrderType type, decimal quantity, decimal? trigger = null) =>
        new(id, Btc, side, type, quantity, trigger, ReduceOnly: type != OrderType.Market);

    private static Candle Candle(DateTimeOffset time, decimal open, decimal high, decimal low, decimal close) =>
        new(Btc, Interval.Parse("15m"), time, open, high, low, close, 1m);
}
