using System.Globalization;
using System.Text;
using Ict.Abstractions;
using Ict.Engine.State;

namespace Ict.Engine.Backtesting;

/// <summary>
/// One self-contained HTML file (inline SVG, no scripts, no external files): the metrics, the equity curve and its
/// drawdown, each symbol's price with the detected order-block and FVG zones and the trades marked, a per-strategy
/// breakdown and the trade list.
/// </summary>
public static class HtmlReport
{
    private const int MaxPricePoints = 2000;

    public static string Render(BacktestMetrics metrics, BacktestRecorder recorder, IReadOnlyList<Candle> candles, IReadOnlyList<PatternRecord> patterns, string asset)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>IctPlugins backtest</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
            .Append("td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#f4f4f4}td:first-child,th:first-child{text-align:left}")
            .Append(".pos{color:#0a7d32}.neg{color:#c0392b}svg{display:block;margin:8px 0 20px;border:1px solid #eee}</style></head><body>");
        html.Append("<h1>Backtest report</h1>");
        AppendMetrics(html, metrics, asset);
        AppendEquity(html, recorder);
        foreach (var group in candles.GroupBy(c => c.Symbol.Value, StringComparer.Ordinal))
        {
            AppendPrice(html, group.Key, group.ToList(), patterns.Where(p => p.Symbol == group.Key).ToList(), recorder.Trades.Where(t => t.Trade.Symbol.Value == group.Key).Select(t => t.Trade).ToList());
        }

        AppendStrategies(html, recorder, asset);
        AppendTrades(html, recorder);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendMetrics(StringBuilder html, BacktestMetrics m, string asset)
    {
        html.Append("<table><tr><th>metric</th><th>value</th></tr>");
        RowText("candles", m.Candles.ToString(CultureInfo.InvariantCulture), null);
        Row("trades", $"{m.Trades} ({m.Wins} won)");
        Row("win rate", $"{m.WinRate:0.00}%");
        Row("net PnL", $"{m.NetPnl:0.00} {asset}", m.NetPnl);
        RowText("profit factor", m.ProfitFactor is { } pf ? pf.ToString("0.000", CultureInfo.InvariantCulture) : "n/a", null);
        Row("expectancy", $"{m.Expectancy:0.0000} {asset}");
        RowText("average R", m.AverageR.ToString("0.000", CultureInfo.InvariantCulture), null);
        Row("max drawdown", $"{m.MaxDrawdown:0.00} {asset} ({m.MaxDrawdownPercent:0.00}%)");
        Row("Sharpe / Sortino (daily, annualised)", $"{m.Sharpe:0.000} / {m.Sortino:0.000}");
        Row("exposure", $"{m.ExposurePercent:0.00}%");
        Row("fees", $"{m.Fees:0.00} {asset}");
        Row("balance", $"{m.StartingBalance:0.00} → {m.FinalBalance:0.00} {asset}");
        RowText("trade hash", m.TradeHash, null);
        html.Append("</table>");

        void Row(string name, FormattableString value, decimal? sign = null) => RowText(name, value.ToString(CultureInfo.InvariantCulture), sign);
        void RowText(string name, string value, decimal? sign) =>
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{SvgChart.Html(name)}</td><td{Css(sign)}>{SvgChart.Html(value)}</td></tr>");
    }

    private static void AppendEquity(StringBuilder html, BacktestRecorder recorder)
    {
        var curve = recorder.Curve.Select(p => (p.Time.ToUnixTimeMilliseconds(), (double)p.Equity)).ToList();
        if (curve.Count < 2)
        {
            return;
        }

        var from = curve[0].Item1;
        var to = curve[^1].Item1;
        var equity = new SvgChart("Equity", from, to, curve.Min(p => p.Item2), curve.Max(p => p.Item2));
        equity.Polyline(curve, "#2c6fbb", 1.5);
        html.Append(equity.Render());

        var peak = double.MinValue;
        var drawdown = curve.Select(p => (p.Item1, -(100 * ((peak = Math.Max(peak, p.Item2)) - p.Item2) / peak))).ToList();
        var chart = new SvgChart("Drawdown (%)", from, to, Math.Min(-0.01, drawdown.Min(p => p.Item2)), 0, height: 160);
        chart.Area(drawdown, 0, "rgba(192,57,43,0.35)");
        html.Append(chart.Render());
    }

    private static void AppendPrice(StringBuilder html, string symbol, List<Candle> candles, List<PatternRecord> patterns, List<TradeView> trades)
    {
        var step = Math.Max(1, candles.Count / MaxPricePoints);
        var from = candles[0].OpenTime.ToUnixTimeMilliseconds();
        var to = candles[^1].CloseTime.ToUnixTimeMilliseconds();
        var chart = new SvgChart($"{symbol}: close, order blocks (blue/red), FVGs (green/orange), trades", from, to,
            (double)candles.Min(c => c.Low), (double)candles.Max(c => c.High), height: 420);
        foreach (var p in patterns)
        {
            var bullish = p.Direction == nameof(Direction.Bullish);
            var color = p.Kind == nameof(PatternKind.OrderBlock)
                ? (bullish ? "rgba(52,120,246,0.18)" : "rgba(220,53,69,0.18)")
                : (bullish ? "rgba(40,167,69,0.18)" : "rgba(253,126,20,0.2)");
            chart.Rect(p.PatternTime, p.EndedTime ?? to, D(p.Top), D(p.Bottom), color, $"{p.Direction} {p.Kind} {p.Bottom}–{p.Top} ({p.EndReason ?? "active"})");
        }

        chart.Polyline(candles.Where((_, i) => i % step == 0).Select(c => (c.CloseTime.ToUnixTimeMilliseconds(), (double)c.Close)), "#333", 1);
        foreach (var t in trades)
        {
            var win = t.NetPnl > 0;
            chart.Marker(t.OpenedAt.ToUnixTimeMilliseconds(), (double)t.EntryPrice, t.Side == PositionSide.Long ? "up" : "down", "#2c6fbb", $"{t.Side} entry {t.EntryPrice}");
            chart.Marker(t.ClosedAt.ToUnixTimeMilliseconds(), (double)t.ExitPrice, "exit", win ? "#0a7d32" : "#c0392b", $"exit {t.ExitPrice} ({t.ExitReason}) net {t.NetPnl:0.00}");
        }

        html.Append(chart.Render());
    }

    private static void AppendStrategies(StringBuilder html, BacktestRecorder recorder, string asset)
    {
        html.Append("<h2>Per strategy</h2><table><tr><th>strategy</th><th>trades</th><th>win rate</th><th>net PnL</th><th>profit factor</th></tr>");
        foreach (var group in recorder.Trades.GroupBy(t => t.Trade.StrategyId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var net = group.Sum(t => t.Trade.NetPnl);
            var profit = group.Where(t => t.Trade.NetPnl > 0).Sum(t => t.Trade.NetPnl);
            var loss = -group.Where(t => t.Trade.NetPnl < 0).Sum(t => t.Trade.NetPnl);
            var winRate = (decimal)group.Count(t => t.Trade.NetPnl > 0) / group.Count() * 100m;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{SvgChart.Html(group.Key)}</td><td>{group.Count()}</td><td>{winRate:0.00}%</td><td{Css(net)}>{net:0.00} {asset}</td><td>{(loss == 0 ? "n/a" : (profit / loss).ToString("0.000", CultureInfo.InvariantCulture))}</td></tr>");
        }

        html.Append("</table>");
    }

    private static void AppendTrades(StringBuilder html, BacktestRecorder recorder)
    {
        html.Append("<h2>Trades</h2><table><tr><th>opened (UTC)</th><th>symbol</th><th>side</th><th>qty</th><th>entry</th><th>exit</th><th>reason</th><th>net PnL</th><th>R</th></tr>");
        foreach (var (t, risk) in recorder.Trades)
        {
            var r = risk > 0 ? (t.NetPnl / risk).ToString("0.00", CultureInfo.InvariantCulture) : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{t.OpenedAt:yyyy-MM-dd HH:mm}</td><td>{t.Symbol}</td><td>{t.Side}</td><td>{t.Quantity}</td><td>{t.EntryPrice}</td><td>{t.ExitPrice}</td><td>{t.ExitReason}</td><td{Css(t.NetPnl)}>{t.NetPnl:0.00}</td><td>{r}</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Css(decimal? value) => value is null ? "" : value >= 0 ? " class=\"pos\"" : " class=\"neg\"";

    private static double D(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
