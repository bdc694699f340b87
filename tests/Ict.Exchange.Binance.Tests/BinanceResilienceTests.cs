using Ict.Abstractions;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Rest;
using Ict.Exchange.Binance.Tests.Support;

namespace Ict.Exchange.Binance.Tests;

/// <summary>-1021 resync, 429 Retry-After, 503-unknown lookup-before-retry, rate-limit headers.</summary>
public sealed class BinanceResilienceTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public async Task Binance_Minus1021_ResyncsTheClockAndRetriesOnce()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Faults.ClockSkewMs = 3_600_000; // the server is an hour ahead of our last sync

        var balances = await h.Rest.GetBalancesAsync();

        Assert.NotEmpty(balances);
        Assert.Equal(2, h.CountRequests("GET", "/fapi/v3/balance"));
        Assert.Equal(2, h.CountRequests("GET", "/fapi/v1/time"));
        Assert.InRange(h.Http.Clock.OffsetMs, 3_590_000, 3_610_000);
    }

    [Fact]
    public async Task Binance_429_WaitsExactlyTheRetryAfterOnTheInjectedClockBeforeRetrying()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        h.Server.Faults.RateLimitNext(1, TimeSpan.FromSeconds(7));

        var call = h.Rest.GetBalancesAsync();
        var delay = await clock.WaitForTimerAsync(d => d > TimeSpan.Zero).WithTimeout();

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
        Assert.Equal(1, h.CountRequests("GET", "/fapi/v3/balance"));
        Assert.False(call.IsCompleted);
        Assert.True(h.Http.Limits.PausedUntil > clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(7));
        Assert.NotEmpty(await call.WithTimeout());
        Assert.Equal(2, h.CountRequests("GET", "/fapi/v3/balance"));
    }

    [Fact]
    public async Task Binance_418Ban_HoldsEveryRequestUntilTheBanEnds()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock, new BinanceRetryOptions { MaxRetries = 0 });
        h.Server.Faults.RateLimitNext(1, TimeSpan.FromSeconds(120), status: 418);

        var banned = await Assert.ThrowsAsync<BinanceApiException>(() => h.Rest.GetBalancesAsync());
        var next = h.Rest.GetPositionRiskAsync();
        var wait = await clock.WaitForTimerAsync(d => d > TimeSpan.FromSeconds(100)).WithTimeout();

        Assert.Equal(418, banned.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(120), wait);
        Assert.Equal(0, h.CountRequests("GET", "/fapi/v3/positionRisk"));
        clock.Advance(TimeSpan.FromSeconds(120));
        await next.WithTimeout();
        Assert.Equal(1, h.CountRequests("GET", "/fapi/v3/positionRisk"));
    }

    [Fact]
    public async Task Binance_LongBan_FailsLaterCallsAtOnceWithoutSendingAnything()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        h.Server.Faults.RateLimitNext(1, TimeSpan.FromDays(3), status: 418);

        var banned = await Assert.ThrowsAsync<BinanceApiException>(() => h.Rest.GetBalancesAsync());
        var held = await Assert.ThrowsAsync<BinanceApiException>(() => h.Rest.GetPositionRiskAsync());

        Assert.Equal(418, banned.HttpStatus);
        Assert.Equal(TimeSpan.FromDays(3), banned.RetryAfter);
        Assert.Equal(1, h.CountRequests("GET", "/fapi/v3/balance"));
        Assert.Equal(0, h.CountRequests("GET", "/fapi/v3/positionRisk"));
        Assert.True(held.RetryAfter > TimeSpan.FromDays(2));
    }

    [Fact]
    public async Task Binance_503UnknownOnAnOrderThatWentThrough_IsLookedUpAndNeverResent()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        h.Server.Faults.UnknownErrorOnNextOrder(executeAnyway: true);

        var order = await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "sig7-entry", ReferencePrice: 65000m));

        Assert.Equal("sig7-entry", order.ClientOrderId);
        Assert.Equal("FILLED", order.Status);
        Assert.Single(h.Server.Exchange.Orders);
        var sequence = h.Server.Requests.Where(r => r.Path == "/fapi/v1/order").Select(r => r.Method).ToArray();
        Assert.Equal("POST,GET", string.Join(",", sequence));
    }

    [Fact]
    public async Task Binance_503UnknownOnAnOrderThatWasLost_IsLookedUpThenSentOnce()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);
        h.Server.Faults.UnknownErrorOnNextOrder(executeAnyway: false);

        var order = await h.Trading.PlaceAlgoOrderAsync(new AlgoOrder(Btc, OrderSide.Sell, OrderType.StopMarket, 60000m, "sig8-sl", ClosePosition: true));

        Assert.Equal("sig8-sl", order.ClientAlgoId);
        Assert.Single(h.Server.Exchange.AlgoOrders);
        var sequence = h.Server.Requests.Where(r => r.Path == "/fapi/v1/algoOrder").Select(r => r.Method).ToArray();
        Assert.Equal("POST,GET,POST", string.Join(",", sequence));
    }

    [Fact]
    public async Task Binance_UsedWeightAndOrderCountHeaders_AreTracked()
    {
        await using var h = await FakeBinanceHarness.StartAsync();
        h.Server.Exchange.SetPrice("BTCUSDT", 65000m);

        await h.Rest.GetBalancesAsync();
        await h.Trading.PlaceOrderAsync(new NewOrder(Btc, OrderSide.Buy, OrderType.Market, 0.010m, "w1", ReferencePrice: 65000m));

        Assert.True(h.Http.Limits.UsedWeight1M >= 6);
        Assert.Equal(1, h.Http.Limits.OrderCount1M);
        Assert.Equal(1, h.Http.Limits.OrderCount10S);
    }

    [Fact]
    public async Task Binance_RequestThatWouldCrossTheWeightLimit_WaitsForTheNextMinuteBeforeItIsSent()
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000 * 60_000) + 45_000);
        var clock = new ManualTimeProvider(start);
        await using var h = await FakeBinanceHarness.StartAsync(clock);
        h.Http.Limits.Observe(2158, null, null); // 2158 + 5 crosses 90 % of 2400

        var call = h.Rest.GetBalancesAsync();
        var wait = await clock.WaitForTimerAsync(d => d > TimeSpan.Zero).WithTimeout();

        Assert.Equal(TimeSpan.FromSeconds(15), wait);
        Assert.Equal(0, h.CountRequests("GET", "/fapi/v3/balance"));
        clock.Advance(wait);
        await call.WithTimeout();
        Assert.Equal(1, h.CountRequests("GET", "/fapi/v3/balance"));
    }

    [Fact]
    public void Binance_RateLimitTracker_HoldsARequestThatWouldCrossTheWeightLimitUntilTheNextMinute()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero));
        var tracker = new RateLimitTracker(clock);
        tracker.Observe(2150, null, null);

        Assert.Equal(TimeSpan.Zero, tracker.DelayBefore(5, isOrder: false));
        Assert.Equal(TimeSpan.FromSeconds(30), tracker.DelayBefore(20, isOrder: false));
    }

    [Fact]
    public void Binance_ErrorClassification_SeparatesUnknownRetryableAndFinal()
    {
        Assert.Equal(BinanceErrorKind.Unknown, BinanceApiException.Classify(503, -1000, "Unknown error, please check your request or try again later."));
        Assert.Equal(BinanceErrorKind.Retryable, BinanceApiException.Classify(503, 0, "Service Unavailable."));
        Assert.Equal(BinanceErrorKind.Retryable, BinanceApiException.Classify(503, -1008, "Request throttled by system-level protection."));
        Assert.Equal(BinanceErrorKind.Retryable, BinanceApiException.Classify(429, -1003, "Too many requests"));
        Assert.Equal(BinanceErrorKind.Retryable, BinanceApiException.Classify(0, 0, "Transport failure: connection refused"));
        Assert.Equal(BinanceErrorKind.Unknown, BinanceApiException.Classify(503, 0, "Unknown error: the order request timed out"));
        Assert.Equal(BinanceErrorKind.Final, BinanceApiException.Classify(400, -2019, "Margin is insufficient."));
        Assert.Equal(BinanceErrorKind.Final, BinanceApiException.Classify(400, -1022, "Signature for this request is not valid."));
    }
}
