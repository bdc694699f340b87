using Dapper;
using Ict.Abstractions;
using Ict.Engine.Kernel;
using Ict.Engine.Live;
using Ict.Engine.State;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Live;

/// <summary>
/// A restart resends an entry intent that never reached the exchange only while it is young
/// (<c>exchange.resendIntentsYoungerThan</c>). Its age is on the wall clock, from when the intent was handed to the
/// sender, not from the candle that raised the signal: a signal on a candle that arrived late (a backfill, a slow
/// stream) is as fresh as the moment it was sent.
/// </summary>
public sealed class ResendWindowTests
{
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m);

    // The candle closed at T0 + 15 min; the engine handled it (and handed the intent over) an hour later.
    private static readonly DateTimeOffset HandedOver = T0.AddHours(1).AddMinutes(15);

    [Fact]
    public void Binance_Intent_RecordsTheWallClockItWasHandedOverAt()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(2m),
            wrapVenue: _ => new BinanceVenue(_ => 100m), wall: new FixedWall(HandedOver));
        harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));

        using var db = new SqliteConnection($"Data Source={harness.DatabasePath};Mode=ReadOnly;Pooling=False");
        var (created, wall) = db.QuerySingle<(long, string)>("SELECT created_time, intent_wall_utc FROM orders WHERE role = 'entry'");
        Assert.Equal(T0.AddMinutes(15).ToUnixTimeMilliseconds(), created); // engine time: the candle's close
        Assert.Equal(HandedOver, DateTimeOffset.Parse(wall, System.Globalization.CultureInfo.InvariantCulture));
        var carried = harness.Store.WorkingOrdersBefore(harness.RunId + 1, "paper").Single();
        Assert.Equal(HandedOver, Reconciler.IntentWall(carried));
    }

    [Fact]
    public void Paper_Intent_HasNoWallClock()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(2m), wall: new FixedWall(HandedOver));
        harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));

        using var db = new SqliteConnection($"Data Source={harness.DatabasePath};Mode=ReadOnly;Pooling=False");
        Assert.Null(db.QuerySingle<string?>("SELECT intent_wall_utc FROM orders"));
    }

    [Theory]
    [InlineData(4, true)] // handed over 4 minutes ago: sent
    [InlineData(6, false)] // 6 minutes ago: stale
    public void IsYoung_MeasuresFromTheWallClockHandOver_NotTheCandle(int minutesSinceHandOver, bool young)
    {
        var entry = new CarriedOrder
        {
            CreatedTime = T0.ToUnixTimeMilliseconds(), // the candle: over an hour before the hand-over
            IntentWallUtc = HandedOver.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(young, Reconciler.IsYoung(entry, HandedOver.AddMinutes(minutesSinceHandOver), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public void IsYoung_RowWithoutAWallClock_FallsBackToItsEngineTime(int minutesSinceCandle, bool young)
    {
        var entry = new CarriedOrder { CreatedTime = T0.ToUnixTimeMilliseconds() }; // written before schema 3

        Assert.Equal(young, Reconciler.IsYoung(entry, T0.AddMinutes(minutesSinceCandle), TimeSpan.FromMinutes(5)));
    }

    private sealed class FixedWall(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
