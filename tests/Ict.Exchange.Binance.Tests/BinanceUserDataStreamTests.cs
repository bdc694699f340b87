using Ict.Abstractions;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Streams;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>The /private user-data stream: order, account and algo events; listenKey keepalive, expiry and renewal.</summary>
public sealed class BinanceUserDataStreamTests
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly StreamOptions Fast = new() { BackoffBase = TimeSpan.FromMilliseconds(5), BackoffMax = TimeSpan.FromMilliseconds(50) };

    private static (BinanceUserDataStream Stream, TaskCompletionSource<int>[] Connects) Create(FakeBinanceHarness h, TimeProvider? time = null)
    {
        var stream = new BinanceUserDataStream(h.Rest, h.Server.WsUri, time ?? TimeProvider.System, Fast);
        var connects = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        stream.Connected += n =>
        {
            if (n <= connects.Length)
            {
                connects[n - 1].TrySetResult(n);
            }
        };
        return (stream, connects);
    }

    [Fact]
    public async Task Binance_UserStream_DeliversTheEntryFillAndTheStopsTriggerWithItsChildOrder()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var (stream, connects) = Create(h);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "u1", ReferencePrice: 65000m));
        var fill = await stream.Events.NextOfAsync<UserDataEvent, OrderUpdated>(e => e.Event.Order.ExecutionType == "TRADE");
        var account = await stream.Events.NextOfAsync<UserDataEvent, AccountUpdated>();
        await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 64000m, "u1-sl", Quantity: 0.010m));
        var placed = await stream.Events.NextOfAsync<UserDataEvent, AlgoOrderUpdated>();
        h.Server.Exchange.SetPrice("BTCUSDT", 63990m);
        var childFill = await stream.Events.NextOfAsync<UserDataEvent, OrderUpdated>(e => e.Event.Order.ExecutionType == "TRADE");
        var triggered = await stream.Events.NextOfAsync<UserDataEvent, AlgoOrderUpdated>();
        var finished = await stream.Events.NextOfAsync<UserDataEvent, AlgoOrderUpdated>();

        Assert.Equal("u1", fill.Event.Order.ClientOrderId);
        Assert.Equal(65000m, fill.Event.Order.LastFilledPrice);
        Assert.Equal(0.010m, account.Event.Account.Positions[0].Amount);
        Assert.Equal(("u1-sl", "NEW"), (placed.Event.Order.ClientAlgoId, placed.Event.Order.Status));
        Assert.Equal("TRIGGERED", triggered.Event.Order.Status);
        Assert.Equal(childFill.Event.Order.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), triggered.Event.Order.ActualOrderId);
        Assert.Equal("FINISHED", finished.Event.Order.Status);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_UserStream_OnListenKeyExpired_CreatesANewKeyReconnectsAndAsksForReconciliation()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var (stream, connects) = Create(h);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();

        h.Server.ExpireListenKey();
        var resumed = await stream.Events.NextOfAsync<UserDataEvent, UserStreamResumed>();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "after-renew", ReferencePrice: 65000m));
        var fill = await stream.Events.NextOfAsync<UserDataEvent, OrderUpdated>(e => e.Event.Order.ExecutionType == "TRADE");

        Assert.True(resumed.NewListenKey);
        Assert.Equal(2, stream.ListenKeysCreated);
        Assert.Equal(2, h.Server.ListenKeys.Created);
        Assert.Equal("after-renew", fill.Event.Order.ClientOrderId);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_UserStream_AfterADroppedSocket_ReconnectsOnTheSameKeyAndAsksForReconciliation()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        var (stream, connects) = Create(h);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();

        h.Server.Streams.Drop("private");
        var resumed = await stream.Events.NextOfAsync<UserDataEvent, UserStreamResumed>();

        Assert.False(resumed.NewListenKey);
        Assert.Equal(2, await connects[1].Task.WithTimeout());
        Assert.Equal(1, h.Server.ListenKeys.Created);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_UserStream_KeepsTheListenKeyAliveEveryThirtyMinutesOnTheInjectedClock()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        var (stream, connects) = Create(h, clock);
        var kept = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        stream.KeepAliveCompleted += ok => kept.TrySetResult(ok);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(30)).WithTimeout();

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.True(await kept.Task.WithTimeout());
        Assert.Equal(1, h.Server.ListenKeys.KeepAlives);
        Assert.Equal(1, stream.ListenKeysCreated);
        await cts.CancelAsync();
        await run.WithTimeout();
    }

    [Fact]
    public async Task Binance_UserStream_WhenKeepaliveGetsMinus1125_RecreatesTheKeyAndReconnects()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        var (stream, connects) = Create(h, clock);
        using var cts = new CancellationTokenSource();
        var run = stream.RunAsync(cts.Token);
        await connects[0].Task.WithTimeout();
        await clock.WaitForTimerAsync(d => d == TimeSpan.FromMinutes(30)).WithTimeout();
        h.Server.ListenKeys.Expire(); // silently: no listenKeyExpired event reaches us

        clock.Advance(TimeSpan.FromMinutes(30));
        var resumed = await stream.Events.NextOfAsync<UserDataEvent, UserStreamResumed>();

        Assert.True(resumed.NewListenKey);
        Assert.Equal(2, await connects[1].Task.WithTimeout());
        Assert.Equal(2, h.Server.ListenKeys.Created);
        await cts.CancelAsync();
        await run.WithTimeout();
    }
}
