using Ict.Abstractions;

namespace Ict.Engine.Events;

/// <summary>Writes what a trader wants to follow to the log: signals, orders, positions, gaps, faults.</summary>
internal sealed class LogSink(Serilog.ILogger log) : IEventSink
{
    public void Handle(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case GapDetected e:
                log.Warning("Gap: {Missing} {Interval} candle(s) of {Symbol} missing from {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm}; not bridged",
                    e.Gap.MissingCandles, e.Gap.Interval.Code, e.Gap.Symbol.Value, e.Gap.FirstMissing, e.Gap.NextPresent);
                break;
            case OrderBlockDetected e:
                LogPattern(e.Type, e.Pattern);
                break;
            case FvgDetected e:
                LogPattern(e.Type, e.Pattern);
                break;
            case PatternDetected e:
                LogPattern(e.Type, e.Pattern);
                break;
            case EntrySignalRaised e:
                log.Information("Signal {Side} {Symbol} @ {Entry} SL {Stop} TP {Target} ({Reason}) from {Strategy}",
                    e.Signal.Side, e.Signal.Symbol.Value, e.Signal.EntryPrice, e.Signal.StopLoss, e.Signal.TakeProfit, e.Signal.Reason, e.StrategyId);
                break;
            case SignalRejected e:
                log.Information("Signal {SignalId} rejected: {Reason} — {Detail}", e.SignalId, e.Reason, e.Detail);
                break;
            case OrderAcknowledged e:
                log.Information("Accepted by the exchange: {Type} {Side} {Quantity} {Symbol} {ClientOrderId} (exchange id {ExchangeOrderId})",
                    e.Order.Type, e.Order.Side, e.Order.Quantity, e.Order.Symbol.Value, e.Order.ClientOrderId, e.ExchangeOrderId);
                break;
            case OrderFilled e:
                log.Information("Filled {Side} {Quantity} {Symbol} @ {Price} ({Type}, fee {Fee})", e.Order.Side, e.Fill.Quantity, e.Order.Symbol.Value, e.Fill.Price, e.Order.Type, e.Fill.Fee);
                break;
            case PositionOpened e:
                log.Information("Opened {Side} {Quantity} {Symbol} @ {Entry}, SL {Stop}, TP {Target}", e.Position.Side, e.Position.Quantity, e.Position.Symbol.Value, e.Position.EntryPrice, e.Position.StopLoss, e.Position.TakeProfit);
                break;
            case PositionClosed e:
                log.Information("Closed {Side} {Symbol} @ {Exit} ({Reason}): net PnL {Pnl:0.00}", e.Trade.Side, e.Trade.Symbol.Value, e.Trade.ExitPrice, e.Trade.ExitReason, e.Trade.NetPnl);
                break;
            case PluginFaulted e:
                log.Error("Plugin {Plugin} faulted: {Reason}", e.PluginId, e.Reason);
                break;
            case KillSwitchChanged e:
                log.Warning("Kill switch {State} ({Source})", e.Engaged ? "ENGAGED: no new entries" : "released", e.Source);
                break;
            case TradingPauseChanged e:
                log.Warning("Trading {State} ({Source})", e.Paused ? "PAUSED: no new entries" : "resumed", e.Source);
                break;
            case EngineError e:
                log.Error("{Source}: {Message}", e.Source, e.Message);
                break;
        }
    }

    private void LogPattern(EventType type, Pattern pattern) =>
        log.Debug("{Type} {Direction} {Symbol} {Bottom}–{Top}", type, pattern.Direction, pattern.Symbol.Value, pattern.Bottom, pattern.Top);
}
