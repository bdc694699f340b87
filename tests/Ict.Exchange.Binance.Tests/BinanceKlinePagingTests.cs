using FakeBinance;
using Ict.Abstractions;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>Kline paging by 1500 against real candles with gaps (BTC-1m-with-gaps.csv: 13,681 rows).</summary>
public sealed class BinanceKlinePagingTests
{
    [SkippableFact]
    public async Task Binance_ClosedCandlesSince_PagesThroughEveryRowOnceInOrder()
    {
        var csv = SharedData.RequireFile("candles/BTC-1m-with-gaps.csv");
        var rows = FakeCandle.ReadCsv(csv);
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Market.AddHistory("BTCUSDT", "1m", rows);

        var candles = await h.Rest.GetClosedCandlesSinceAsync(new Symbol("BTCUSDT"), Interval.Parse("1m"), rows[0].OpenTime);

        Assert.Equal(13_681, candles.Count);
        Assert.Equal(rows.Select(r => r.OpenTime), candles.Select(c => c.OpenTime.ToUnixTimeMilliseconds()));
        Assert.Equal(10, h.CountRequests("GET", "/fapi/v1/klines"));
    }

    [SkippableFact]
    public async Task Binance_ClosedCandlesSince_LeavesOutTheCandleThatIsStillOpen()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var now = h.Http.Clock.NowMs;
        var open = now / 60_000 * 60_000;
        h.Server.Market.AddHistory("BTCUSDT", "1m", [new FakeCandle(open - 60_000, 1, 2, 1, 2, 1), new FakeCandle(open, 2, 3, 2, 3, 1)]);

        var candles = await h.Rest.GetClosedCandlesSinceAsync(new Symbol("BTCUSDT"), Interval.Parse("1m"), open - 60_000);

        Assert.Equal(open - 60_000, Assert.Single(candles).OpenTime.ToUnixTimeMilliseconds());
    }
}
