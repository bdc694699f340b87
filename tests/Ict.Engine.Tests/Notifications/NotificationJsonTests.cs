using Ict.Abstractions;
using Ict.Engine.Notifications;

namespace Ict.Engine.Tests.Notifications;

public sealed class NotificationJsonTests
{
    [Fact]
    public void A_notification_with_its_position_and_trade_survives_the_outbox_round_trip()
    {
        var btc = new Symbol("BTCUSDT");
        var t = new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero);
        var original = new Notification(NotificationKind.PositionClosed, Severity.Warning, "LONG BTCUSDT closed", "net −8.25", t)
        {
            Position = new PositionView(btc, PositionSide.Long, 0.025m, 42000.5m, 41800m, null, 3, t, 42001m, 0.0125m, "ict.ob-fvg"),
            Trade = new TradeView(btc, PositionSide.Long, 0.025m, 42000.5m, 41800m, t, t.AddHours(1), -5.0125m, 3.2375m, -8.25m, ExitReason.StopLoss, "ict.ob-fvg"),
        };

        var copy = NotificationJson.Deserialize(NotificationJson.Serialize(original));

        Assert.Equal(original with { }, copy);
        Assert.Equal(original.Position, copy.Position);
        Assert.Equal(original.Trade, copy.Trade);
    }
}
