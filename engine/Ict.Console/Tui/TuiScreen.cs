using Ict.Engine.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ict.Console.Tui;

/// <summary>
/// Lays one frame out to fill a terminal of a given size: the header, Positions | Orders, Signals | Plugins, the Log,
/// and the status line at the bottom. The help overlay takes the place of the panes below the header.
/// </summary>
internal static class TuiScreen
{
    public const int HeaderHeight = 4;
    public const string Hint = "? help  ·  : command  ·  / filter log  ·  q quit";

    public static IRenderable Render(TuiView view, int width, int height)
    {
        width = Math.Max(20, width);
        height = Math.Max(HeaderHeight + 2, height);
        var body = height - HeaderHeight - 1;
        var root = new Layout("frame");
        var header = new Layout("header").Size(HeaderHeight).Update(Header(view));
        var status = new Layout("status").Size(1).Update(StatusLine(view, width));
        if (view.Mode == InputMode.Help)
        {
            return root.SplitRows(header, new Layout("help").Size(body).Update(Panes.Help(body)), status);
        }

        // Tables get 30% each (at least a header and a row), the log the rest (at least 3 lines).
        var table = Math.Max(4, body * 3 / 10);
        var log = body - (2 * table);
        if (log < 3)
        {
            table = Math.Max(3, (body - 3) / 2);
            log = Math.Max(0, body - (2 * table));
        }

        var trading = view.Snapshot?.Trading;
        var half = width / 2; // the narrower of the two columns
        return root.SplitRows(
            header,
            new Layout("top").Size(table).SplitColumns(
                new Layout("positions").Update(Panes.Positions(trading, half, table)),
                new Layout("orders").Update(Panes.Orders(trading, half, table))),
            new Layout("middle").Size(table).SplitColumns(
                new Layout("signals").Update(Panes.Signals(trading, half, table)),
                new Layout("plugins").Update(Panes.Plugins(view.Snapshot?.Plugins, half, table))),
            new Layout("log").Size(log).Update(Panes.Log(view.Log, view.LogFilter, width, log)),
            status);
    }

    /// <summary>Mode, venue, uptime and the run's state; then the account and what stops trading.</summary>
    public static Panel Header(TuiView view)
    {
        IRenderable content;
        if (view.Snapshot is not { } s)
        {
            content = new Markup($"[bold]starting…[/]  {Markup.Escape(view.Run)}");
        }
        else
        {
            var t = s.Trading;
            var mode = s.Mode.ToUpperInvariant();
            var modeStyle = s.Mode == "live" ? "bold white on red" : s.Mode == "testnet" ? "bold black on yellow" : "bold black on green";
            var runStyle = view.Run == "running" ? "green" : view.Run.StartsWith("stopped", StringComparison.Ordinal) ? "red" : "bold yellow";
            var line1 = $"[{modeStyle}] {mode} [/]  venue {Markup.Escape(s.Venue)}  ·  uptime {Cell.Uptime(s.Uptime)}  ·  engine time {Markup.Escape(t.EngineTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "-")}  ·  run {s.RunId}  ·  [{runStyle}]{Markup.Escape(view.Run)}[/]";
            var pnlStyle = t.TodayPnl > 0 ? "green" : t.TodayPnl < 0 ? "red" : "default";
            var limit = t.TradesPerDayLimit is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
            var kill = t.KillSwitchEngaged ? $"[bold white on red] kill switch ENGAGED ({Markup.Escape(t.KillSwitchSource ?? "?")}) [/]" : "kill switch off";
            var paused = t.TradingPaused ? "[bold black on yellow] trading PAUSED [/]" : "trading active";
            var line2 = $"equity [bold]{Cell.Money(t.Equity)}[/] {Markup.Escape(t.Asset)}  ·  today [{pnlStyle}]{Cell.Signed(t.TodayPnl)}[/]  ·  trades today {t.TradesToday}/{limit}  ·  {kill}  ·  {paused}";
            content = new Rows(new Markup(line1) { Overflow = Overflow.Ellipsis }, new Markup(line2) { Overflow = Overflow.Ellipsis });
        }

        return new Panel(content)
        {
            Header = new PanelHeader("ict"),
            Border = BoxBorder.Rounded,
            Expand = true,
            Height = HeaderHeight,
            Padding = new Padding(1, 0),
        };
    }

    /// <summary>The prompt being typed, the y/n question, or the last command's result.</summary>
    public static IRenderable StatusLine(TuiView view, int width) => view.Mode switch
    {
        InputMode.Command => new Text(Cell.Fit(":" + view.Input + "▌", width), new Style(Color.White)),
        InputMode.Filter => new Text(Cell.Fit("/" + view.Input + "▌", width), new Style(Color.White)),
        InputMode.ConfirmKill => new Text(Cell.Fit(TuiInput.KillQuestion, width), new Style(Color.White, Color.Red, Decoration.Bold)),
        _ when view.Status.Length > 0 => new Text(Cell.Fit(view.Status, width), view.StatusIsError ? new Style(Color.Red) : new Style(Color.Aqua)),
        _ => new Text(Cell.Fit(Hint, width), new Style(Color.Grey)),
    };
}
