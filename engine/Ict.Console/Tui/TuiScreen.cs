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

    /// <summary>How many log lines the Log pane shows in a frame of <paramref name="height"/> rows (a page for PgUp/PgDn).</summary>
    public static int LogRows(int height) => Math.Max(1, Split(Math.Max(HeaderHeight + 2, height) - HeaderHeight - 1).Log - 2);

    /// <summary>Tables get 30% each (at least a header and a row), the log the rest (at least 3 lines).</summary>
    private static (int Table, int Log) Split(int body)
    {
        var table = Math.Max(4, body * 3 / 10);
        var log = body - (2 * table);
        if (log < 3)
        {
            table = Math.Max(3, (body - 3) / 2);
            log = Math.Max(0, body - (2 * table));
        }

        return (table, log);
    }

    public static IRenderable Render(TuiView view, int width, int height)
    {
        width = Math.Max(20, width);
        height = Math.Max(HeaderHeight + 2, height);
        var body = height - HeaderHeight - 1;
        var root = new Layout("frame");
        var header = new Layout("header").Size(HeaderHeight).Update(Header(view, width));
        var status = new Layout("status").Size(1).Update(StatusLine(view, width));
        if (view.Mode == InputMode.Help)
        {
            return root.SplitRows(header, new Layout("help").Size(body).Update(Panes.Help(body)), status);
        }

        var (table, log) = Split(body);

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
            new Layout("log").Size(log).Update(Panes.Log(view.Log, view.LogFilter, width, log, view.LogScrolledBack)),
            status);
    }

    /// <summary>
    /// Mode, the run's state, uptime, venue and engine time; then the account and what stops trading. On a narrow
    /// terminal the less important items are left out rather than wrapped.
    /// </summary>
    public static Panel Header(TuiView view, int width = 160)
    {
        var inner = Math.Max(10, width - 4);
        IRenderable content;
        if (view.Snapshot is not { } s)
        {
            content = new Markup($"[bold]starting…[/]  {Markup.Escape(view.Run)}");
        }
        else
        {
            var t = s.Trading;
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            var modeStyle = s.Mode == "live" ? "bold white on red" : s.Mode == "testnet" ? "bold black on yellow" : "bold black on green";
            var runStyle = view.Run == "running" ? "green" : view.Run.StartsWith("stopped", StringComparison.Ordinal) ? "red" : "bold yellow";
            var line1 = Fit(inner,
                (1, $" {s.Mode.ToUpperInvariant()} ", modeStyle),
                (4, $"venue {s.Venue}", null),
                (3, $"uptime {Cell.Uptime(s.Uptime)}", null),
                (5, $"engine time {t.EngineTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", invariant) ?? "-"}", null),
                (6, $"run {s.RunId}", null),
                (2, view.Run, runStyle));
            var limit = t.TradesPerDayLimit is { } l ? l.ToString(invariant) : "-";
            var line2 = Fit(inner,
                (1, $"equity {Cell.Money(t.Equity)} {t.Asset}", "bold"),
                (3, $"today {Cell.Signed(t.TodayPnl)}", t.TodayPnl > 0 ? "green" : t.TodayPnl < 0 ? "red" : null),
                (4, $"trades today {t.TradesToday}/{limit}", null),
                (t.KillSwitchEngaged ? 2 : 5, t.KillSwitchEngaged ? $" kill switch ENGAGED ({t.KillSwitchSource ?? "?"}) " : "kill switch off", t.KillSwitchEngaged ? "bold white on red" : null),
                (t.TradingPaused ? 2 : 5, t.TradingPaused ? " trading PAUSED " : "trading active", t.TradingPaused ? "bold black on yellow" : null));
            content = new Rows(new Markup(line1), new Markup(line2));
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

    /// <summary>
    /// Joins the items that fit in <paramref name="width"/> columns, most important (lowest rank) first, keeping their
    /// order on the line; an item too wide alone is cut.
    /// </summary>
    private static string Fit(int width, params (int Rank, string Text, string? Style)[] items)
    {
        const string separator = "  ·  ";
        var kept = new HashSet<int>();
        var used = 0;
        foreach (var (item, index) in items.Select((x, i) => (x, i)).OrderBy(x => x.x.Rank))
        {
            var cost = item.Text.Length + (kept.Count == 0 ? 0 : separator.Length);
            if (used + cost <= width)
            {
                kept.Add(index);
                used += cost;
            }
            else if (kept.Count == 0)
            {
                return Markup.Escape(Cell.Fit(item.Text, width));
            }
        }

        return string.Join(separator, items
            .Where((_, i) => kept.Contains(i))
            .Select(x => x.Style is null ? Markup.Escape(x.Text) : $"[{x.Style}]{Markup.Escape(x.Text)}[/]"));
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
