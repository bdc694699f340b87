using Dapper;
using Ict.Abstractions;
using Ict.Engine.Events;
using Ict.Engine.Kernel;
using Ict.Engine.Live;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;
using static Ict.Engine.Tests.Support.KernelHarness;

namespace Ict.Engine.Tests.Live;

/// <summary>
/// An order handed to the exchange stays an intent until the exchange acknowledges it; the acknowledgement's order id
/// and arrival time are written to the order's row. Read back through a separate SQLite connection: what is asserted
/// is what was committed.
/// </summary>
public sealed class AcknowledgementTests
{
    private static readonly EntrySignal Long = new(Btc, PositionSide.Long, 100m, 95m, 110m);

    [Fact]
    public void Binance_OrderHandedToTheSender_StaysIntentUntilAcknowledged_ThenRecordsTheExchangeId()
    {
        using var rig = new Rig();
        var entry = rig.SignalAndTakeEntry();
        Assert.Equal(("Intent", null, null), rig.Row(entry));

        var ackTime = T0.AddMinutes(15).AddMilliseconds(250);
        rig.Harness.Kernel.OnVenue(new VenueAcknowledged(entry, "8389765", ackTime));

        Assert.Equal(("New", "8389765", (long?)ackTime.ToUnixTimeMilliseconds()), rig.Row(entry));
        var acknowledged = Assert.Single(rig.Harness.Events.Of<OrderAcknowledged>());
        Assert.Equal((entry, OrderStatus.New, "8389765"), (acknowledged.Order.ClientOrderId, acknowledged.Order.Status, acknowledged.ExchangeOrderId));
    }

    [Fact]
    public void Binance_AcknowledgementOfAFinishedOrder_RecordsTheIdWithoutAnEvent()
    {
        using var rig = new Rig();
        var entry = rig.SignalAndTakeEntry();
        rig.Harness.Kernel.OnVenue(new VenueRefused(entry, VenueRefusal.InsufficientMargin, "-2019 Margin is insufficient.", T0.AddMinutes(15)));

        rig.Harness.Kernel.OnVenue(new VenueAcknowledged(entry, "8389767", T0.AddMinutes(16)));

        Assert.Equal(("Rejected", "8389767", (long?)T0.AddMinutes(16).ToUnixTimeMilliseconds()), rig.Row(entry));
        Assert.Empty(rig.Harness.Events.Of<OrderAcknowledged>());
    }

    [Fact]
    public void Paper_OrderIsNewAsSoonAsItIsSubmitted_AndHasNoExchangeId()
    {
        using var harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(2m));
        harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false)); // fills at the next open

        using var db = new SqliteConnection($"Data Source={harness.DatabasePath};Mode=ReadOnly;Pooling=False");
        Assert.Equal(("entry", "New", (string?)null), db.QuerySingle<(string, string, string?)>("SELECT role, status, exchange_order_id FROM orders"));
        Assert.Equal(OrderStatus.New, Assert.Single(harness.Events.Of<OrderPlaced>()).Order.Status);
        Assert.Empty(harness.Events.Of<OrderAcknowledged>());
    }

    [Fact]
    public void Binance_FillArrivingBeforeTheAcknowledgement_StaysFilledAndStillGetsTheExchangeId()
    {
        using var rig = new Rig();
        var entry = rig.SignalAndTakeEntry();
        rig.Harness.Kernel.OnVenue(new VenueExecuted(entry, 2m, 100m, 0m, T0.AddMinutes(15)));

        rig.Harness.Kernel.OnVenue(new VenueAcknowledged(entry, "8389766", T0.AddMinutes(16)));

        Assert.Equal(("Filled", "8389766", (long?)T0.AddMinutes(16).ToUnixTimeMilliseconds()), rig.Row(entry));
        // Its stop-loss and take-profit were just handed over: intents until their algo ids come back.
        var stop = entry[..^3] + "-sl";
        Assert.Equal(("Intent", null, null), rig.Row(stop));
        Assert.Equal(("Intent", null, null), rig.Row(entry[..^3] + "-tp"));
        rig.Harness.Kernel.OnVenue(new VenueAcknowledged(stop, "4000000123", T0.AddMinutes(17)));
        Assert.Equal(("New", "4000000123", (long?)T0.AddMinutes(17).ToUnixTimeMilliseconds()), rig.Row(stop));
    }

    private sealed class Rig : IDisposable
    {
        private BinanceVenue? _venue;

        public Rig()
        {
            Harness = new KernelHarness([("s", new ScriptedStrategy(new() { [0] = Long }))], new FixedQuantityRisk(2m),
                wrapVenue: _ => _venue = new BinanceVenue(_ => 100m));
        }

        public KernelHarness Harness { get; }

        public string SignalAndTakeEntry()
        {
            Harness.Kernel.OnLiveCandle(new LiveCandleInput(Candle(0, 99m, 101m, 98m, 100m), Warmup: false));
            Assert.True(_venue!.Commands.TryRead(out var command));
            return ((PlaceCommand)command).Order.ClientOrderId;
        }

        public (string Status, string? ExchangeOrderId, long? AcknowledgedTime) Row(string clientOrderId)
        {
            using var db = new SqliteConnection($"Data Source={Harness.DatabasePath};Mode=ReadOnly;Pooling=False");
            return db.QuerySingle<(string, string?, long?)>(
                "SELECT status, exchange_order_id, acknowledged_time FROM orders WHERE client_order_id = @clientOrderId", new { clientOrderId });
        }

        public void Dispose() => Harness.Dispose();
    }
}
