using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class ObFvgDetectorInputTests
{
    [Fact]
    public void Update_WhenCandleIsForAnotherSymbol_ThrowsAndKeepsState()
    {
        var feed = new CandleFeed();
        feed.Filler(3);
        var other = new Candle(new Symbol("BTCUSDT"), CandleFeed.Interval, CandleFeed.TimeOf(4), 1m, 2m, 0.5m, 1.5m, 1m);

        Assert.Throws<ArgumentException>(() => feed.Detector.Update(other));
        Assert.Equal(3, feed.Detector.CandleCount);
    }

    [Fact]
    public void Update_WhenCandleHasAnotherInterval_Throws()
    {
        var feed = new CandleFeed();
        var other = new Candle(CandleFeed.Symbol, Interval.Parse("15m"), CandleFeed.TimeOf(1), 1m, 2m, 0.5m, 1.5m, 1m);

        Assert.Throws<ArgumentException>(() => feed.Detector.Update(other));
        Assert.Equal(0, feed.Detector.CandleCount);
    }

    [Fact]
    public void Update_WhenOpenTimeRepeats_ThrowsAndKeepsState()
    {
        var feed = new CandleFeed();
        feed.Filler(2);

        Assert.Throws<ArgumentException>(() => feed.Detector.Update(CandleFeed.Make(2, 100m, 101m, 99m, 100m)));
        Assert.Equal(2, feed.Detector.CandleCount);

        // The stream continues normally afterwards.
        feed.Filler(1);
        Assert.Equal(3, feed.Detector.CandleCount);
    }

    [Fact]
    public void Update_WhenOpenTimeGoesBackwards_Throws()
    {
        var feed = new CandleFeed();
        feed.Filler(3);

        Assert.Throws<ArgumentException>(() => feed.Detector.Update(CandleFeed.Make(1, 100m, 101m, 99m, 100m)));
    }

    [Fact]
    public void Update_WhenOpenTimesSkipAhead_AcceptsTheGap()
    {
        var feed = new CandleFeed();
        feed.Filler(1);

        feed.Detector.Update(CandleFeed.Make(10, 100m, 101m, 99m, 100m));

        Assert.Equal(2, feed.Detector.CandleCount);
    }

    [Fact]
    public void Update_WhenCandleIsNull_ThrowsArgumentNullException()
    {
        var feed = new CandleFeed();

        Assert.Throws<ArgumentNullException>(() => feed.Detector.Update(null!));
    }

    [Fact]
    public void Constructor_WhenOptionsAreNull_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new ObFvgDetector(CandleFeed.Symbol, CandleFeed.Interval, null!));
    }

    [Fact]
    public void Constructor_WhenOptionsAreInvalid_Throws()
    {
        var options = new ObFvgOptions { ObMaxTouches = 0 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ObFvgDetector(CandleFeed.Symbol, CandleFeed.Interval, options));

        Assert.Equal("ObMaxTouches", error.ParamName);
    }
}
