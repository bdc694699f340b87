using Ict.Abstractions;
using Ict.Engine.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ict.Console.Tui;

/// <summary>
/// The panes of the frame, each a bordered panel of an exact height. A table that has more rows than fit shows the
/// first ones and a "… N more" line; a cell too wide for its column ends with ….
/// </summary>
internal static class Panes
{
    public static Panel Positions(TradingSnapshot? trading, int width, int height) => Pane("Positions", height, Table(
        ["Symbol", "Side", "Size", "Entry", "Mark", "uPnL", "SL", "TP"],
        trading?.Positions.Select(p => new Field[]
        {
            Plain(p.Symbol.Value),
            new Field(p.Side == PositionSide.Long ? "long" : "short", new Style(p.Side == PositionSide.Long ? Color.Green : Color.Red)),
            Plain(Cell.Price(p.Quantity)),
            Plain(Cell.Price(p.EntryPrice)),
            Plain(Cell.Price(p.MarkPrice)),
            Pnl(p.UnrealizedPnl),
            Plain(Cell.Price(p.StopLoss)),
            Plain(Cell.Price(p.TakeProfit)),
        }).ToList() ?? [],
        width,
        height,
        trading is null ? "waiting for the engine…" : "no open position"));

    public static Panel Orders(TradingSnapshot? trading, int width, int height) => Pane("Orders", height, Table(
        ["Symbol", "Side", "Type", "Qty", "Trigger", "Status", "Client id"],
        trading?.Orders.Select(o => new Field[]
        {
            Plain(o.Symbol.Value),
            Plain(o.Side == OrderSide.Buy ? "buy" : "sell"),
            Plain(o.Type switch
            {
                OrderType.StopMarket => "SL",
                OrderType.TakeProfitMarket => "TP",
                _ => o.Type.ToString().ToLowerInvariant(),
            }),
            Plain(Cell.Price(o.Quantity)),
            Plain(Cell.Price(o.TriggerPrice)),
            Plain(o.Status.ToString().ToLowerInvariant()),
            Plain(o.ClientOrderId),
        }).ToList() ?? [],
        width,
        height,
        trading is null ? "waiting for the engine…" : "no open order"));

    /// <summary>Signals and patterns together, newest first (a signal before a pattern of the same time).</summary>
    public static Panel Signals(TradingSnapshot? trading, int width, int height)
    {
        var rows = trading is null
            ? []
            : trading.Signals.Select(s => (Row: s, Signal: true))
                .Concat(trading.Patterns.Select(p => (Row: p, Signal: false)))
                .OrderByDescending(x => x.Row.Time)
                .ThenByDescending(x => x.Signal)
                .Select(x => new Field[]
                {
                    Plain(x.Row.Time.UtcDateTime.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                    new Field(x.Row.Kind, x.Signal ? new Style(Color.Yellow) : Style.Plain),
                    Plain(x.Row.Symbol ?? "-"),
                    Plain(x.Row.Source),
                    Plain(x.Row.Text),
                })
                .ToList();
        return Pane("Signals", height, Table(["Time", "Kind", "Symbol", "Source", "Details"], rows, width, height,
            trading is null ? "waiting for the engine…" : "no signal or pattern yet"));
    }

    public static Panel Plugins(IReadOnlyList<PluginStatusRow>? plugins, int width, int height) => Pane("Plugins", height, Table(
        ["Id", "Kind", "Version", "State", "Reloaded", "Last error"],
        plugins?.Select(p => new Field[]
        {
            Plain(p.Id),
            Plain(p.Kind),
            Plain(p.Version),
            new Field(p.State, p.State == "loaded" ? new Style(Color.Green) : new Style(Color.Red)),
            Plain(Cell.Clock(p.LastReload)),
            new Field(Cell.FirstLine(p.LastError), new Style(Color.Red)),
        }).ToList() ?? [],
        width,
        height,
        plugins is null ? "waiting for the engine…" : "no plugin"));

    /// <summary>The newest lines that fit, each cut to the pane's width.</summary>
    public static Panel Log(IReadOnlyList<string> lines, string? filter, int width, int height, bool scrolledBack = false)
    {
        var rows = Math.Max(0, height - 2);
        var inner = Math.Max(1, width - 4);
        var shown = lines.Skip(Math.Max(0, lines.Count - rows)).Select(line => (IRenderable)new Text(Cell.Fit(line, inner), LevelStyle(line))).ToList();
        if (shown.Count == 0)
        {
            shown.Add(new Text(filter is null ? "(no log lines yet)" : $"(no line contains '{filter}')", new Style(Color.Grey)));
        }

        var notes = new List<string>(2);
        if (filter is not null)
        {
            notes.Add($"filter: {filter} · Esc clears");
        }

        if (scrolledBack)
        {
            notes.Add("scrolled back · End follows");
        }

        return Pane(notes.Count == 0 ? "Log" : $"Log ({string.Join(" · ", notes)})", height, new Rows(shown));
    }

    public static Panel Help(int height)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(3)).AddColumn(new GridColumn().PadRight(3)).AddColumn();
        grid.AddRow(Bold("key"), Bold("does"), Bold("command line"));
        foreach (var (key, does, command) in HelpRows)
        {
            grid.AddRow(new Text(key), new Text(does), new Text(command));
        }

        return Pane("Help", height, new Rows(grid, new Text(string.Empty), new Text("Esc closes this help.", new Style(Color.Yellow))));
    }

    /// <summary>The keys, for the help overlay and the README.</summary>
    public static readonly IReadOnlyList<(string Key, string Does, string Command)> HelpRows =
    [
        ("p", "pause / resume new entries (positions keep SL/TP)", ":pause  :resume"),
        ("k", "kill switch: refuse entries, flatten all (asks y/n)", ":kill   :kill off (release)"),
        ("r", "reload plugins and scripts now", ":reload"),
        ("c", "close one position at market", ":close SYMBOL"),
        ("n", "send a test notification", ":notify"),
        ("/", "filter the log (Enter applies, empty clears, Esc on the frame clears)", ":filter TEXT  :filter"),
        ("PgUp PgDn End", "scroll the log back / forward; End follows the newest lines again", string.Empty),
        (":", "command line (↑/↓ history, Enter runs, Esc cancels)", string.Empty),
        ("?", "this help", ":help"),
        ("q", "quit: stop the engine, flush, exit", ":quit"),
    ];

    private static Panel Pane(string title, int height, IRenderable content) => new Panel(content)
    {
        Header = new PanelHeader(Markup.Escape(title)),
        Border = BoxBorder.Rounded,
        Expand = true,
        Height = Math.Max(2, height),
        Padding = new Padding(1, 0),
    };

    /// <summary>
    /// A table of the rows that fit in a pane of <paramref name="height"/> (the rest are counted), its columns sized to
    /// the pane's <paramref name="width"/>: when the cells do not fit, the widest columns give way first and their
    /// cells end with ….
    /// </summary>
    private static IRenderable Table(string[] headers, List<Field[]> rows, int width, int height, string empty)
    {
        if (rows.Count == 0)
        {
            return new Text(empty, new Style(Color.Grey));
        }

        var fit = Math.Max(0, height - 3); // two borders, one header line
        var shown = rows.Count <= fit ? rows.Count : Math.Max(0, fit - 1);
        var visible = rows.Take(shown).ToList();
        var natural = headers.Select((h, i) => visible.Select(r => r[i].Text.Length).Append(h.Length).Max()).ToArray();
        var widths = ColumnWidths.Fit(natural, Math.Max(headers.Length, width - 4 - headers.Length + 1));

        var table = new Table { Border = TableBorder.None, ShowHeaders = true };
        for (var i = 0; i < headers.Length; i++)
        {
            table.AddColumn(new TableColumn(new Text(Cell.Fit(headers[i], widths[i]), new Style(decoration: Decoration.Bold)))
            {
                NoWrap = true,
                Width = widths[i],
                Padding = new Padding(0, 0, i == headers.Length - 1 ? 0 : 1, 0),
            });
        }

        foreach (var row in visible)
        {
            table.AddRow(row.Select((c, i) => (IRenderable)new Text(Cell.Fit(c.Text, widths[i]), c.Style)).ToArray());
        }

        if (shown < rows.Count)
        {
            return new Rows(table, new Text(Cell.Fit($"{Cell.Ellipsis} {rows.Count - shown} more", width - 4), new Style(Color.Grey)));
        }

        return table;
    }

    /// <summary>One table cell: its text and how it looks.</summary>
    private sealed record Field(string Text, Style Style)
    {
        public Field(string text)
            : this(text, Style.Plain)
        {
        }
    }

    private static Field Plain(string text) => new(text);

    private static Text Bold(string text) => new(text, new Style(decoration: Decoration.Bold));

    private static Field Pnl(decimal value) => new(Cell.Signed(value), value > 0 ? new Style(Color.Green) : value < 0 ? new Style(Color.Red) : Style.Plain);

    private static Style LevelStyle(string line) =>
        line.Length > 12 && line.AsSpan(9, 3) is var level
            ? level.SequenceEqual("ERR") || level.SequenceEqual("FTL") ? new Style(Color.Red)
            : level.SequenceEqual("WRN") ? new Style(Color.Yellow)
            : level.SequenceEqual("DBG") ? new Style(Color.Grey)
            : Style.Plain
            : Style.Plain;
}
