using System.Globalization;
using System.Text;

namespace Ict.Engine.Status;

/// <summary>
/// Renders a snapshot in the Prometheus text exposition format (version 0.0.4): a <c># HELP</c> and a <c># TYPE</c>
/// line per metric family, counters named <c>*_total</c>, label values escaped.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Render(EngineSnapshot snapshot)
    {
        var trading = snapshot.Trading;
        var counters = trading.Counters;
        var asset = ("asset", trading.Asset);
        var text = new StringBuilder(2048);

        One(text, "ict_up", "gauge", "1 while the engine runs.", N(1));
        One(text, "ict_uptime_seconds", "gauge", "Seconds since the run started.", N(snapshot.Uptime.TotalSeconds));
        One(text, "ict_candles_processed_total", "counter", "Closed candles handled by the kernel.", N(counters.Candles));
        Family(text, "ict_event_lag_seconds", "gauge", "Wall-clock seconds from the last candle's close (in a replay: its hand-over) to the kernel having handled it.");
        if (trading.EventLag is { } lag)
        {
            Sample(text, "ict_event_lag_seconds", N(lag.TotalSeconds));
        }

        One(text, "ict_event_lag_max_seconds", "gauge", "The largest event lag of the run.", N(trading.MaxEventLag.TotalSeconds));
        One(text, "ict_patterns_detected_total", "counter", "Patterns detected by strategies.", N(counters.Patterns));
        One(text, "ict_signals_total", "counter", "Entry signals raised by strategies.", N(counters.Signals));
        Family(text, "ict_signal_rejections_total", "counter", "Entry signals refused, by reason.");
        foreach (var (reason, count) in counters.RejectionsByReason.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Sample(text, "ict_signal_rejections_total", N(count), ("reason", reason));
        }

        Family(text, "ict_orders_total", "counter", "Orders by what happened to them.");
        Sample(text, "ict_orders_total", N(counters.OrdersPlaced), ("status", "placed"));
        Sample(text, "ict_orders_total", N(counters.OrdersFilled), ("status", "filled"));
        Sample(text, "ict_orders_total", N(counters.OrdersCanceled), ("status", "canceled"));
        Sample(text, "ict_orders_total", N(counters.OrdersRejected), ("status", "rejected"));
        One(text, "ict_trades_total", "counter", "Positions closed.", N(counters.Trades));
        One(text, "ict_plugin_faults_total", "counter", "Plugin faults (a faulted strategy gets no more events until reloaded).", N(counters.PluginFaults));
        One(text, "ict_errors_total", "counter", "Engine errors.", N(counters.Errors));
        One(text, "ict_reconnects_total", "counter", "Venue connections re-established (always 0 on the paper venue).", N(snapshot.Reconnects));
        One(text, "ict_equity", "gauge", "Balance plus unrealized PnL at the last marks.", N(trading.Equity), asset);
        One(text, "ict_balance", "gauge", "Wallet balance without open positions.", N(trading.Balance), asset);
        One(text, "ict_today_pnl", "gauge", "Equity now minus equity at the start of the UTC day.", N(trading.TodayPnl), asset);
        One(text, "ict_trades_today", "gauge", "Positions opened this UTC day.", N(trading.TradesToday));
        One(text, "ict_open_positions", "gauge", "Open positions.", N(trading.Positions.Count));
        One(text, "ict_open_orders", "gauge", "Orders not yet finished (stop-loss and take-profit included).", N(trading.Orders.Count));
        One(text, "ict_trading_paused", "gauge", "1 when an operator paused new entries.", N(trading.TradingPaused ? 1 : 0));
        One(text, "ict_kill_switch_engaged", "gauge", "1 when the kill switch refuses new entries.", N(trading.KillSwitchEngaged ? 1 : 0));
        Family(text, "ict_plugins", "gauge", "Plugins and scripts, by state.");
        foreach (var group in snapshot.Plugins.GroupBy(p => p.State, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Sample(text, "ict_plugins", N(group.Count()), ("state", group.Key));
        }

        return text.ToString();
    }

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static void One(StringBuilder text, string name, string type, string help, string value, params (string Name, string Value)[] labels)
    {
        Family(text, name, type, help);
        Sample(text, name, value, labels);
    }

    private static void Family(StringBuilder text, string name, string type, string help)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    private static void Sample(StringBuilder text, string name, string value, params (string Name, string Value)[] labels)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"").Append(Escape(labels[i].Value)).Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
