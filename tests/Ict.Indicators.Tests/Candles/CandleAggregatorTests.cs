using Ict.Abstractions;
using Ict.Indicators.Candles;

namespace Ict.Indicators.Tests.Candles;

public sealed class CandleAggregatorTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Interval M15 = Interval.Parse("15m");
    private static readonly Interval H1 = Interval.Parse("1h");
    private static readonly DateTimeOffset Midnight = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FourQuarterHours_MakeOneHour_ReturnedByTheLastOne()
    {
        var aggregator = new CandleAggregator(M15, H1);

        Assert.Null(aggregator.Add(C(0, 100m, 105m, 99m, 104m, 1m)));
        Assert.Null(aggregator.Add(C(1, 104m, 108m, 103m, 107m, 2m)));
        Assert.Null(aggregator.Add(C(2, 107m, 107m, 95m, 96m, 3m)));
        var hour = aggregator.Add(C(3, 96m, 101m, 96m, 100m, 4m));

        Assert.NotNull(hour);
        Assert.Equal(new Candle(Btc, H1, Midnight, 100m, 108m, 95m, 100m, 10m), hour);
    }

    [Fact]
    public void WindowWithAMissingCandle_IsDropped_NotBridged()
    {
        var aggregator = new CandleAggregator(M15, H1);

        aggregator.Add(C(0, 100m, 101m, 99m, 100m, 1m));
        aggregator.Add(C(1, 100m, 101m, 99m, 100m, 1m));
        Assert.Null(aggregator.Add(C(3, 100m, 101m, 99m, 100m, 1m))); // 00:30 is missing
        var next = Enumerable.Range(4, 4).Select(i => aggregator.Add(C(i, 100m, 101m, 99m, 100m, 1m))).ToList();

        Assert.Equal(1, aggregator.DroppedWindows);
        Assert.Equal(Midnight.AddHours(1), Assert.Single(next, c => c is not null)!.OpenTime);
    }

    [Fact]
    public void DataStartingMidWindow_DropsThatPartialWindow()
    {
        var aggregator = new CandleAggregator(M15, Interval.Parse("4h"));

        var built = Enumerable.Range(8, 24).Select(i => aggregator.Add(C(i, 100m, 101m, 99m, 100m, 1m))).Where(c => c is not null).ToList();

        // Candles from 02:00 to 07:45: the 00:00 window is partial, the 04:00 window is complete.
        Assert.Equal(Midnight.AddHours(4), Assert.Single(built)!.OpenTime);
        Assert.Equal(1, aggregator.DroppedWindows);
    }

    [Fact]
    public void TargetThatIsNotAMultiple_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new CandleAggregator(Interval.Parse("1h"), Interval.Parse("30m")));
    }

    private static Candle C(int quarter, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new(Btc, M15, Midnight.AddMinutes(15 * quarter), open, high, low, close, volume);
}
