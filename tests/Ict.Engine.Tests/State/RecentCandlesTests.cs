using Ict.Abstractions;
using Ict.Engine.State;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.State;

/// <summary>The store read behind a script's warm-up: the last N closed candles of each series, oldest first.</summary>
public sealed class RecentCandlesTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly Interval M15 = Interval.Parse("15m");
    private static readonly Interval H1 = Interval.Parse("1h");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(StoreWriteMode.Immediate)]
    [InlineData(StoreWriteMode.Deferred)]
    public void RecentCandles_ReturnsTheLastNClosedOfEachSeriesByCloseTime_AndNothingPastTheClock(StoreWriteMode mode)
    {
        using var store = StateStore.Open(Path.Combine(_temp.Path, "ict.db"));
        store.WriteMode = mode;
        store.Begin();
        for (var k = 0; k < 8; k++)
        {
            store.InsertCandle(Bar(Btc, M15, k, 100 + k));
            store.InsertCandle(Bar(Eth, M15, k, 10 + k));
        }

        store.InsertCandle(Bar(Btc, H1, 0, 500)); // 00:00-01:00
        store.InsertCandle(Bar(Btc, H1, 4, 501)); // 01:00-02:00, not closed by 01:30
        store.InsertCandle(Bar(new Symbol("SOLUSDT"), M15, 0, 1)); // not asked for
        store.Commit();

        // Clock at 01:30: 15m candles 0..5 have closed (5 closes at 01:30); 6 and 7 lie past the clock.
        var now = T0 + TimeSpan.FromMinutes(90);
        var got = store.RecentCandles([Btc, Eth], null, now, 2);

        Assert.Equal(
            ["BTCUSDT 1h 00:00 500", "BTCUSDT 15m 01:00 104", "ETHUSDT 15m 01:00 14", "BTCUSDT 15m 01:15 105", "ETHUSDT 15m 01:15 15"],
            got.Select(c => $"{c.Symbol} {c.Interval} {c.OpenTime:HH:mm} {c.Close}").ToArray());
        Assert.Equal(2, store.RecentCandles([Btc], M15, now, 2).Count);
        Assert.Empty(store.RecentCandles([Btc], M15, now, 0));
    }

    private static Candle Bar(Symbol symbol, Interval interval, int k, decimal close) =>
        new(symbol, interval, T0 + (interval == H1 ? TimeSpan.FromMinutes(15 * k) : interval.Duration * k), close, close + 1, close - 1, close, 1.5m);
}
