using Ict.Abstractions;
using Ict.Engine.Market;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Market;

public sealed class CandleCsvReaderTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Interval M15 = Interval.Parse("15m");

    [Fact]
    public void Read_SixColumnLayoutWithHeader_GivesExactDecimals()
    {
        var candles = Read(
            "open_time_ms,open,high,low,close,volume",
            "1704067200000,42000.0,42055.8,41947.0,41976.5,3340.243");

        var candle = Assert.Single(candles);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704067200000), candle.OpenTime);
        Assert.Equal(42055.8m, candle.High);
        Assert.Equal(3340.243m, candle.Volume);
    }

    [Fact]
    public void Read_BinanceTwelveColumnsWithoutHeader_UsesTheFirstSix()
    {
        var candles = Read(
            "1704067200000,42000.0,42055.8,41947.0,41976.5,3340.243,1704068099999,1.4E8,1200,1600.1,6.7E7,0",
            "1704068100000,41976.5,42129.5,41948.1,42067.1,4335.568,1704068999999,1.8E8,1300,2100.2,8.8E7,0");

        Assert.Equal(2, candles.Count);
        Assert.Equal(42067.1m, candles[1].Close);
    }

    [Fact]
    public void Read_MicrosecondOpenTimes_AreRecognised()
    {
        var candle = Assert.Single(Read("1704067200000000,1,2,0.5,1.5,10"));

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704067200000), candle.OpenTime);
    }

    [Fact]
    public void Read_ExponentsAndNanVolume_AreAccepted()
    {
        var candle = Assert.Single(Read("1704067200000,5.330000000000001e-05,6e-05,5e-05,5.5e-05,nan"));

        Assert.Equal(0.00005330000000000001m, candle.Open);
        Assert.Equal(0m, candle.Volume);
    }

    [Theory]
    [InlineData("1704067200000,42000,abc,41000,41500,1", "high 'abc' is not a number")]
    [InlineData("1704067200000,42000,41000,40000,41500,1", "inconsistent prices")]
    [InlineData("1704067200000,42000,43000,41000,41500", "found 5")]
    [InlineData("1704067200000,0,43000,0,41500,1", "open '0' must be positive")]
    [InlineData("17040672OO000,42000,43000,41000,41500,1", "open time '17040672OO000' is not a whole number of milliseconds")]
    [InlineData("1704067200000,42000,43000,41000,41500,1,7", "expected 6 columns like the first line, found 7")]
    [InlineData("1704067200000,42000,43000,41000,41500, nan", "volume ' nan' is not a number")]
    public void Read_MalformedRow_NamesFileAndLine(string badRow, string expected)
    {
        var error = Assert.Throws<CandleFileException>(() => Read(
            "open_time_ms,open,high,low,close,volume",
            "1704066300000,42000,42100,41900,42000,1",
            badRow));

        Assert.StartsWith("candles.csv:3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BlankLinesAndPaddedRows_AreSkippedAndTrimmed_AndStillCountAsLines()
    {
        var error = Assert.Throws<CandleFileException>(() => Read(
            "  open_time_ms,open,high,low,close,volume  ",
            "",
            "   ",
            "\t1704066300000,42000, 42100 ,41900,42000,NaN ",
            "1704067200000,42000,41000,40000,41500,1"));
        Assert.StartsWith("candles.csv:5: inconsistent prices", error.Message, StringComparison.Ordinal);

        var candle = Assert.Single(Read("", "1704066300000,42000, 42100 ,41900,42000,nAn\t"));
        Assert.Equal((42100m, 0m), (candle.High, candle.Volume));
    }

    [Fact]
    public void Read_DuplicateRow_IsAnError()
    {
        var error = Assert.Throws<CandleFileException>(() => Read("1704067200000,1,2,0.5,1.5,10", "1704067200000,1,2,0.5,1.5,10"));

        Assert.Equal("candles.csv:2: duplicate candle at 2024-01-01 00:00", error.Message);
    }

    [Fact]
    public void Read_SpacingThatIsNotAWholeInterval_SuggestsTheIntervalIsWrong()
    {
        var error = Assert.Throws<CandleFileException>(() => Read("1704067200000,1,2,0.5,1.5,10", "1704067260000,1,2,0.5,1.5,10"));

        Assert.Contains("is the interval right?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GapsAreKept_AndTheDetectorReportsThem()
    {
        var candles = Read("1704067200000,1,2,0.5,1.5,10", "1704070800000,1,2,0.5,1.5,10");
        var gaps = new GapDetector();

        Assert.Null(gaps.Observe(candles[0]));
        var gap = gaps.Observe(candles[1]);

        Assert.NotNull(gap);
        Assert.Equal(3, gap.MissingCandles);
        Assert.Equal(candles[0].OpenTime.AddMinutes(15), gap.FirstMissing);
    }

    [SkippableTheory]
    [InlineData("candles/BTC-1m-with-gaps.csv", "1m", 13_681, 538, 717)]
    [InlineData("candles/ADA_BTC-5m.csv", "5m", 5_720, 5, 40)]
    [InlineData("candles/ETH_BTC-5m.csv", "5m", 5_760, 0, 0)]
    [InlineData("candles/XRPUSDT-1h-mark.csv", "1h", 100, 0, 0)]
    public void Read_SharedRealCandles_FindsTheDocumentedGaps(string file, string interval, int rows, int gapCount, int missing)
    {
        var path = RepoPaths.RequireShared(file);
        var gaps = new GapDetector();
        var found = CandleCsvReader.Read(path, new Symbol("TEST"), Interval.Parse(interval))
            .Select(gaps.Observe)
            .ToList();

        Assert.Equal(rows, found.Count);
        Assert.Equal(gapCount, found.Count(g => g is not null));
        Assert.Equal(missing, found.Sum(g => g?.MissingCandles ?? 0));
    }

    private static List<Candle> Read(params string[] lines) => CandleCsvReader.ReadLines("candles.csv", lines, Btc, M15).ToList();
}
