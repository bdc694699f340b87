using Ict.Indicators.Smc.Csv;

namespace Ict.Indicators.Tests.Smc;

/// <summary>Reading the smc/MetaTrader and open_time_ms layouts: which column gives the volume, and how times are read.</summary>
public sealed class OhlcvCsvReaderTests
{
    [Fact]
    public void Read_MetaTraderLayout_TakesVolumeFromTheVolumeColumnNotTickvol()
    {
        var s = Read("Date,Open,High,Low,Close,Tickvol,Volume,Spread\n2022.10.10 00:00:00,1,2,0.5,1.5,60,7,20\n2022.10.10 00:15:00,1.5,2.5,1,2,57,0,20");

        Assert.Equal([7.0, 0.0], s.Volume.ToArray());
        Assert.Equal([new DateTime(2022, 10, 10, 0, 0, 0), new DateTime(2022, 10, 10, 0, 15, 0)], s.Time.ToArray());
    }

    [Fact]
    public void Read_ColumnNamesAreCaseInsensitiveInAnyOrder_LikeSmcsLowerCasing()
    {
        var s = Read("VOLUME,close,LOW,High,open,date\r\n12.5,1.5,0.5,2,1,2022.10.10 00:00:00\r\n3,2,1,2.5,1.5,2022.10.10 00:15:00\r\n");

        Assert.Equal([12.5, 3.0], s.Volume.ToArray());
        Assert.Equal([1.0, 1.5], s.Open.ToArray());
        Assert.Equal([2.0, 2.5], s.High.ToArray());
        Assert.Equal([0.5, 1.0], s.Low.ToArray());
        Assert.Equal([1.5, 2.0], s.Close.ToArray());
    }

    [Fact]
    public void Read_OpenTimeMsLayout_ReadsUtcMillisecondsAndVolume()
    {
        var s = Read("open_time_ms,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,100.25\n1704068100000,1.5,2.5,1,2,0\n");

        Assert.Equal([new DateTime(2024, 1, 1, 0, 0, 0), new DateTime(2024, 1, 1, 0, 15, 0)], s.Time.ToArray());
        Assert.Equal([100.25, 0.0], s.Volume.ToArray());
    }

    [Fact]
    public void Read_WithoutAVolumeColumn_GivesZeroVolume()
    {
        var s = Read("Date,Open,High,Low,Close\n2022.10.10 00:00:00,1,2,0.5,1.5\n");

        Assert.Equal([0.0], s.Volume.ToArray());
    }

    private static Ict.Indicators.Smc.OhlcvSeries Read(string text)
    {
        using var reader = new StringReader(text);
        return OhlcvCsvReader.Read(reader, "test.csv");
    }
}
