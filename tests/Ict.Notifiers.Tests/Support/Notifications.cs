using Ict.Abstractions;

namespace Ict.Notifiers.Tests.Support;

internal static class Notifications
{
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly DateTimeOffset T = new(2024, 3, 1, 10, 15, 0, TimeSpan.Zero);

    public static Notification Opened(PositionSide side) =>
        new(NotificationKind.PositionOpened, Severity.Info, $"{side} BTCUSDT opened", "entry 42000.5", T)
        {
            Position = new PositionView(Btc, side, 0.025m, 42000.5m, 41800m, 42420m, 3, T, 42000.5m, 0m, "ict.ob-fvg"),
        };

    public static Notification Closed(decimal netPnl) =>
        new(NotificationKind.PositionClosed, netPnl >= 0 ? Severity.Info : Severity.Warning, "LONG BTCUSDT closed", "done", T)
        {
            Trade = new TradeView(Btc, PositionSide.Long, 0.025m, 42000.5m, 42420m, T, T.AddHours(1), netPnl + 1m, 1m, netPnl,
                netPnl >= 0 ? ExitReason.TakeProfit : ExitReason.StopLoss, "ict.ob-fvg"),
        };

    public static Notification Error(string message) => new(NotificationKind.Error, Severity.Error, "error in kernel", message, T);
}
