using System.Globalization;
using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Notifications;

/// <summary>Turns the events people care about into notifications and queues them.</summary>
internal sealed class NotificationSink(NotificationDispatcher dispatcher) : IEventSink
{
    public void Handle(EngineEvent engineEvent)
    {
        var notification = engineEvent switch
        {
            PositionOpened e => new Notification(NotificationKind.PositionOpened, Severity.Info,
                $"{Upper(e.Position.Side)} {e.Position.Symbol} opened",
                Invariant($"entry {e.Position.EntryPrice}, size {e.Position.Quantity}, SL {e.Position.StopLoss}, TP {e.Position.TakeProfit}, {e.Position.Leverage}x"),
                e.Time) { Position = e.Position },
            PositionClosed e => new Notification(NotificationKind.PositionClosed, e.Trade.NetPnl >= 0 ? Severity.Info : Severity.Warning,
                $"{Upper(e.Trade.Side)} {e.Trade.Symbol} closed: {e.Trade.ExitReason}",
                Invariant($"exit {e.Trade.ExitPrice} (entry {e.Trade.EntryPrice}), net PnL {e.Trade.NetPnl:+0.00;-0.00}"),
                e.Time) { Trade = e.Trade },
            SignalRejected e => new Notification(NotificationKind.SignalRejected, Severity.Info,
                $"{Upper(e.Signal.Side)} {e.Signal.Symbol} signal rejected: {e.Reason}", e.Detail, e.Time),
            PluginFaulted e => new Notification(NotificationKind.Error, Severity.Error, $"plugin {e.PluginId} faulted", e.Reason, e.Time),
            KillSwitchChanged e => new Notification(NotificationKind.Info, Severity.Warning,
                e.Engaged ? "Kill switch engaged" : "Kill switch released", e.Engaged ? $"no new entries ({e.Source})" : $"entries allowed again ({e.Source})", e.Time),
            EngineError e => new Notification(NotificationKind.Error, Severity.Error, $"error in {e.Source}", e.Message, e.Time),
            _ => null,
        };

        if (notification is not null)
        {
            dispatcher.Enqueue(notification);
        }
    }

    private static string Upper(PositionSide side) => side == PositionSide.Long ? "LONG" : "SHORT";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
