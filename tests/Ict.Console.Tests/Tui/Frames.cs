using Ict.Abstractions;
using Ict.Console.Tui;
using Ict.Engine.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ict.Console.Tests.Tui;

/// <summary>Hand-built snapshots and a string-backed console of a fixed size to render frames into.</summary>
internal static class Frames
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Renders <paramref name="renderable"/> as plain text (no colours, no control codes).</summary>
    public static string Render(IRenderable renderable, int width, int height)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = true;
        console.Write(renderable);
        return writer.ToString();
    }

    public static string[] Lines(string frame) => frame.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public static TuiView View(EngineSnapshot? snapshot, IReadOnlyList<string>? log = null, InputMode mode = InputMode.Keys,
        string input = "", string status = "", string run = "running", string? filter = null) =>
        new(snapshot, run, log ?? [], filter, mode, input, status, false);

    public static EngineSnapshot Snapshot(
        IReadOnlyList<PositionView>? positions = null,
        IReadOnlyList<OrderView>? orders = null,
        IReadOnlyList<ActivityRow>? signals = null,
        IReadOnlyList<ActivityRow>? patterns = null,
        IReadOnlyList<PluginStatusRow>? plugins = null,
        bool paused = false,
        bool killed = false,
        string mode = "paper") =>
        new(
            Start.AddSeconds(3723),
            Start,
            mode,
            "paper",
            7,
            "/tmp/ict.db",
            new TradingSnapshot(
                new DateTimeOffset(2024, 3, 1, 12, 15, 0, TimeSpan.Zero),
                "USDT",
                10_000m,
                10_234.56m,
                -45.5m,
                3,
                5,
                killed,
                killed ? "tui" : null,
                paused,
                positions ?? [],
                orders ?? [],
                signals ?? [],
                patterns ?? [],
                new RunCounters(100, 4, 3, 1, 2, 2, 0, 0, 1, 0, 0, new Dictionary<string, long>()),
                null),
            plugins ?? []);

    public static PositionView Position(string symbol, PositionSide side, decimal quantity, decimal entry, decimal mark, decimal pnl, decimal? sl, decimal? tp) =>
        new(new Symbol(symbol), side, quantity, entry, sl, tp, 1, Start, mark, pnl, "ict.ob-fvg");

    public static OrderView Order(string id, string symbol, OrderSide side, OrderType type, decimal quantity, decimal? trigger) =>
        new(id, new Symbol(symbol), side, type, quantity, trigger, true, OrderStatus.New, Start, Start);
}
