using FakeBinance;
using Ict.Abstractions;
using Ict.Exchange.Binance.Streams;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>The /market kline stream: closes only on x=true, backfills after reconnects and gaps, never doubles.</summary>
public sealed class BinanceKlineStreamTests
{
    private const long Minute = 60_000;
    private static readonly long T0 = new DateTimeOffset(2024, 4, 10, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly Interval OneMinute = Interval.Parse("1m");
    private static readonly StreamOptions Fast = new() { BackoffBase = TimeSpan.FromMilliseconds(5), BackoffMax = TimeSpan.FromMilliseconds(50) };

    private static FakeCandle C(int i) => new(T0 + (i * Minute), 100 + i, 101 + i, 99 + i, 100.5m + i, 10 + i);

    private static (BinanceKlineStream Stream, TaskCompletionSource<int>[] Connects) Create(FakeBinanceHarness h, DateTimeOffset? last, StreamOptions? options = null, TimeProvider? time = null)
    {
        var connects = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        h.Server.Streams.Connected += (route, n) =>
        {
            if (route == "market" && n <= connects.Length)
            {
                connects[n - 1].TrySetResult(n);
            }
        };
        var stream = new BinanceKlineStream(h.Server.WsUri, [new KlineSubscription(Btc, OneMinute, last)], h.Rest.GetClosedCandlesSinceAsync, time ?? TimeProvider.System, options ?? Fast);
        return (stream, connects);
    }

    [Fact]
    public async Task Binance_KlineStream_ClosesACandleOnlyOnXTrueWithTheIntervalFromTheKline()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var (stream, connects) = Create(h, last: null);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();

        h.Server.Market.PublishPartial("BTCUSDT", "1m", C(0) with { Close = 90 });
        h.Server.Market.PublishPartial("BTCUSDT", "1m", C(0) with { Close = 95 });
        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(0));
        h.Server.Market.PublishPartial("BTCUSDT", "1m", C(1) with { Close = 80 });
        h.Server.Market.PublishClosed("BTCUSDT", "5m", C(1));
        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(1));

        var first = await stream.Candles.NextAsync();
        var second = await stream.Candles.NextAsync();
        Assert.Equal(T0, first.OpenTime.ToUnixTimeMilliseconds());
        Assert.Equal(100.5m, first.Close);
        Assert.Equal("1m", first.Interval.Code);
        Assert.Equal(T0 + Minute, second.OpenTime.ToUnixTimeMilliseconds());
        Assert.Equal(101.5m, second.Close);

        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_KlineStream_AfterADroppedSocket_BackfillsOverRestWithNoGapAndNoDuplicate()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Market.AddHistory("BTCUSDT", "1m", Enumerable.Range(0, 5).Select(C));
        var (stream, connects) = Create(h, last: DateTimeOffset.FromUnixTimeMilliseconds(C(2).OpenTime));
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();

        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(4)); // already backfilled: must not repeat
        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(5));
        var received = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            received.Add((await stream.Candles.NextAsync()).OpenTime.ToUnixTimeMilliseconds());
        }

        h.Server.Market.AddHistory("BTCUSDT", "1m", [C(6), C(7)]); // closed while we are about to be away
        h.Server.Streams.Drop("market");
        await connects[1].Task.WithTimeout();
        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(7)); // the stream repeats what the backfill delivered
        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(8));
        for (var i = 0; i < 3; i++)
        {
            received.Add((await stream.Candles.NextAsync()).OpenTime.ToUnixTimeMilliseconds());
        }

        Assert.Equal(Enumerable.Range(3, 6).Select(i => C(i).OpenTime), received);
        Assert.Equal(2, stream.Connections);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_KlineStream_ALiveCandleThatSkipsAhead_IsPrecededByTheMissingOnes()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var (stream, connects) = Create(h, last: null);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();

        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(0));
        Assert.Equal(C(0).OpenTime, (await stream.Candles.NextAsync()).OpenTime.ToUnixTimeMilliseconds());
        h.Server.Market.AddHistory("BTCUSDT", "1m", [C(1), C(2)]); // frames lost in transit
        h.Server.Market.PublishClosed("BTCUSDT", "1m", C(3));

        Assert.Equal(C(1).OpenTime, (await stream.Candles.NextAsync()).OpenTime.ToUnixTimeMilliseconds());
        Assert.Equal(C(2).OpenTime, (await stream.Candles.NextAsync()).OpenTime.ToUnixTimeMilliseconds());
        Assert.Equal(C(3).OpenTime, (await stream.Candles.NextAsync()).OpenTime.ToUnixTimeMilliseconds());
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_KlineStream_ReconnectsOnItsOwnBeforeThe24HourCut()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        var options = Fast with { PlannedReconnectAfter = TimeSpan.FromHours(23), SilenceTimeout = TimeSpan.FromHours(30) };
        var (stream, connects) = Create(h, last: null, options, clock);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromHours(30)).WithTimeout(); // reading has started

        clock.Advance(TimeSpan.FromHours(23));

        Assert.Equal(2, await connects[1].Task.WithTimeout());
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_KlineStream_TreatsASilentConnectionAsAFaultAndReconnects()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        var options = Fast with { SilenceTimeout = TimeSpan.FromMinutes(3) };
        var (stream, connects) = Create(h, last: null, options, clock);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(3)).WithTimeout();

        clock.Advance(TimeSpan.FromMinutes(3));
        var backoff = await clock.WaitForTimerAsync(d => d < TimeSpan.FromSeconds(1)).WithTimeout();
        clock.Advance(backoff);

        Assert.Equal(2, await connects[1].Task.WithTimeout());
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public void Binance_KlineStream_SubscribesOnTheRoutedMarketPath()
    {
        var stream = new BinanceKlineStream(new Uri("wss://fstream.binance.com"), [new KlineSubscription(Btc, OneMinute), new KlineSubscription(new Symbol("ETHUSDT"), Interval.Parse("15m"))],
            (_, _, _, _) => Task.FromResult<IReadOnlyList<Candle>>([]), TimeProvider.System);

        Assert.Equal("wss://fstream.binance.com/market/stream?streams=btcusdt@kline_1m/ethusdt@kline_15m", stream.StreamUri.ToString());
    }
}
