using Ict.Abstractions;
using Ict.Console.Tui;
using Ict.Engine.Status;

namespace Ict.Console.Tests.Tui;

public sealed class TuiScreenTests
{
    [Fact]
    public void Frame_FillsTheTerminal_WithEveryPaneTitled()
    {
        var frame = Frames.Render(TuiScreen.Render(Frames.View(Frames.Snapshot()), 120, 40), 120, 40);

        var lines = Frames.Lines(frame);
        Assert.Equal(40, lines.Length);
        Assert.All(lines, line => Assert.True(line.Length <= 120, line));
        foreach (var title in new[] { "─ict─", "─Positions─", "─Orders─", "─Signals─", "─Plugins─", "─Log─" })
        {
            Assert.Contains(title, frame, StringComparison.Ordinal);
        }

        Assert.Contains(TuiScreen.Hint, lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Header_ShowsModeUptimeEquityPnlTradesKillSwitchAndPause()
    {
        var paused = Frames.Render(TuiScreen.Header(Frames.View(Frames.Snapshot(paused: true, killed: true, mode: "testnet"), run: "replay finished")), 160, 4);

        Assert.Contains("TESTNET", paused, StringComparison.Ordinal);
        Assert.Contains("venue paper", paused, StringComparison.Ordinal);
        Assert.Contains("uptime 1:02:03", paused, StringComparison.Ordinal);
        Assert.Contains("engine time 2024-03-01 12:15", paused, StringComparison.Ordinal);
        Assert.Contains("equity 10,234.56 USDT", paused, StringComparison.Ordinal);
        Assert.Contains("today -45.50", paused, StringComparison.Ordinal);
        Assert.Contains("trades today 3/5", paused, StringComparison.Ordinal);
        Assert.Contains("kill switch ENGAGED (tui)", paused, StringComparison.Ordinal);
        Assert.Contains("trading PAUSED", paused, StringComparison.Ordinal);
        Assert.Contains("replay finished", paused, StringComparison.Ordinal);

        var running = Frames.Render(TuiScreen.Header(Frames.View(Frames.Snapshot())), 160, 4);
        Assert.Contains("PAPER", running, StringComparison.Ordinal);
        Assert.Contains("kill switch off", running, StringComparison.Ordinal);
        Assert.Contains("trading active", running, StringComparison.Ordinal);
        Assert.DoesNotContain("PAUSED", running, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_OnANarrowTerminal_LeavesOutTheLesserItems_InsteadOfWrapping()
    {
        var header = Frames.Lines(Frames.Render(TuiScreen.Header(Frames.View(Frames.Snapshot(paused: true)), 60), 60, 4));

        Assert.Equal(4, header.Length);
        Assert.Contains("PAPER", header[1], StringComparison.Ordinal);
        Assert.Contains("running", header[1], StringComparison.Ordinal);
        Assert.DoesNotContain("run 7", header[1], StringComparison.Ordinal);
        Assert.Contains("equity 10,234.56 USDT", header[2], StringComparison.Ordinal);
        Assert.Contains("trading PAUSED", header[2], StringComparison.Ordinal);
        Assert.All(header, l => Assert.True(l.Length <= 60, l));
    }

    [Fact]
    public void Header_BeforeTheFirstSnapshot_SaysStarting()
    {
        var header = Frames.Render(TuiScreen.Header(Frames.View(null)), 100, 4);

        Assert.Contains("starting…", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Positions_ShowSideSizeEntryMarkPnlStopAndTarget()
    {
        var snapshot = Frames.Snapshot(positions:
        [
            Frames.Position("BTCUSDT", PositionSide.Long, 0.125m, 42_000.5m, 42_100m, 12.44m, 41_800m, 42_600m),
        ]);

        var pane = Frames.Render(Panes.Positions(snapshot.Trading, 100, 6), 100, 6);

        var row = Assert.Single(Frames.Lines(pane), l => l.Contains("BTCUSDT", StringComparison.Ordinal));
        Assert.Equal(["BTCUSDT", "long", "0.125", "42000.5", "42100", "+12.44", "41800", "42600"], Cells(row));
    }

    [Fact]
    public void Orders_NameStopLossAndTakeProfitOrders()
    {
        var snapshot = Frames.Snapshot(orders:
        [
            Frames.Order("sl-1", "BTCUSDT", OrderSide.Sell, OrderType.StopMarket, 0.125m, 41_800m),
            Frames.Order("tp-1", "BTCUSDT", OrderSide.Sell, OrderType.TakeProfitMarket, 0.125m, 42_600m),
        ]);

        var lines = Frames.Lines(Frames.Render(Panes.Orders(snapshot.Trading, 100, 6), 100, 6));

        Assert.Equal(["BTCUSDT", "sell", "SL", "0.125", "41800", "new", "sl-1"], Cells(Assert.Single(lines, l => l.Contains("sl-1", StringComparison.Ordinal))));
        Assert.Equal(["BTCUSDT", "sell", "TP", "0.125", "42600", "new", "tp-1"], Cells(Assert.Single(lines, l => l.Contains("tp-1", StringComparison.Ordinal))));
    }

    [Fact]
    public void ATableWithMoreRowsThanFit_ShowsTheFirstAndCountsTheRest()
    {
        var orders = Enumerable.Range(1, 9)
            .Select(i => Frames.Order($"id-{i}", "BTCUSDT", OrderSide.Buy, OrderType.Limit, i, null))
            .ToList();

        // 7 lines: two borders and a header leave 4, so 3 orders and "… 6 more".
        var lines = Frames.Lines(Frames.Render(Panes.Orders(Frames.Snapshot(orders: orders).Trading, 100, 7), 100, 7));

        Assert.Equal(7, lines.Length);
        Assert.Contains(lines, l => l.Contains("id-3", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("id-4", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("… 6 more", StringComparison.Ordinal));
    }

    [Fact]
    public void Signals_MergeSignalsAndPatterns_NewestFirst()
    {
        var t = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var snapshot = Frames.Snapshot(
            signals: [new ActivityRow(t.AddMinutes(30), "ict.ob-fvg", "BTCUSDT", "long", "entry 42000 stop 41800 target 42600")],
            patterns:
            [
                new ActivityRow(t.AddMinutes(45), "ict.ob-fvg", "BTCUSDT", "FVG", "bullish 15m 41950–42010"),
                new ActivityRow(t, "ict.ob-fvg", "BTCUSDT", "OB", "bullish 15m 41700–41800"),
            ]);

        var lines = Frames.Lines(Frames.Render(Panes.Signals(snapshot.Trading, 140, 8), 140, 8));

        var fvg = Array.FindIndex(lines, l => l.Contains("FVG", StringComparison.Ordinal));
        var signal = Array.FindIndex(lines, l => l.Contains("entry 42000 stop 41800 target 42600", StringComparison.Ordinal));
        var ob = Array.FindIndex(lines, l => l.Contains(" OB ", StringComparison.Ordinal));
        Assert.True(fvg > 0 && fvg < signal && signal < ob, string.Join('\n', lines));
        Assert.Contains("03-01 12:30", lines[signal], StringComparison.Ordinal);
    }

    [Fact]
    public void Plugins_ShowStateReloadAndTheFirstCompileDiagnostic()
    {
        var reloaded = new DateTimeOffset(2026, 11, 21, 19, 4, 5, TimeSpan.Zero);
        var snapshot = Frames.Snapshot(plugins:
        [
            new PluginStatusRow("ict.ob-fvg", "strategy", "1.2.0", "loaded", reloaded, null),
            new PluginStatusRow("my-script", "script", "2", "loaded", reloaded, "my-script.csx(3,5): error CS1002: ; expected\nmy-script.csx(9,1): error CS1513: } expected"),
        ]);

        var lines = Frames.Lines(Frames.Render(Panes.Plugins(snapshot.Plugins, 150, 6), 150, 6));

        Assert.Equal(["ict.ob-fvg", "strategy", "1.2.0", "loaded", "19:04:05"], Cells(Assert.Single(lines, l => l.Contains("ict.ob-fvg", StringComparison.Ordinal))));
        var script = Assert.Single(lines, l => l.Contains("my-script ", StringComparison.Ordinal));
        Assert.Contains("my-script.csx(3,5): error CS1002: ; expected (+1 more)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void ACellTooWideForItsColumn_EndsWithAnEllipsis()
    {
        var error = "a very long failure reason " + string.Concat(Enumerable.Repeat("that goes on ", 20)) + "THE-END";
        var snapshot = Frames.Snapshot(plugins: [new PluginStatusRow("ict.ob-fvg", "strategy", "1.2.0", "faulted", null, error)]);

        var lines = Frames.Lines(Frames.Render(Panes.Plugins(snapshot.Plugins, 80, 5), 80, 5));

        Assert.Equal(5, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        var row = Assert.Single(lines, l => l.Contains("ict.ob-fvg", StringComparison.Ordinal));
        Assert.Contains("…", row, StringComparison.Ordinal);
        Assert.DoesNotContain("THE-END", string.Concat(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_ShowsTheNewestLinesThatFit_EachCutToTheWidth()
    {
        var log = Enumerable.Range(1, 30).Select(i => $"12:00:{i:00} INF line {i}").Append("12:01:00 INF " + new string('x', 300)).ToList();

        var lines = Frames.Lines(Frames.Render(Panes.Log(log, null, 60, 6), 60, 6));

        Assert.Equal(6, lines.Length);
        Assert.Contains("─Log─", lines[0], StringComparison.Ordinal);
        Assert.Contains("line 28", lines[1], StringComparison.Ordinal);
        Assert.Contains("line 30", lines[3], StringComparison.Ordinal);
        Assert.EndsWith("…", lines[4].TrimEnd(' ', '│').TrimEnd(), StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
    }

    [Fact]
    public void Log_ScrolledBack_SaysSoInItsTitle_WithTheFilter()
    {
        var frame = Frames.Render(Panes.Log(["12:00:01 INF one"], "one", 80, 5, scrolledBack: true), 80, 5);

        Assert.Contains("Log (filter: one · Esc clears · scrolled back · End follows)", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("scrolled back", Frames.Render(Panes.Log(["12:00:01 INF one"], null, 80, 5), 80, 5), StringComparison.Ordinal);
    }

    [Fact]
    public void LogRows_IsWhatTheLogPaneShowsInAFrameOfThatHeight()
    {
        foreach (var height in new[] { 20, 30, 45 })
        {
            var log = Enumerable.Range(1, 100).Select(i => $"12:00:00 INF line {i:000}").ToList();
            var frame = Frames.Render(TuiScreen.Render(Frames.View(Frames.Snapshot(), log), 120, height), 120, height);

            var shown = Frames.Lines(frame).Count(l => l.Contains("INF line ", StringComparison.Ordinal));
            Assert.Equal(TuiScreen.LogRows(height), shown);
        }
    }

    [Fact]
    public void HelpMode_ReplacesThePanesWithTheKeyList()
    {
        var frame = Frames.Render(TuiScreen.Render(Frames.View(Frames.Snapshot(), mode: InputMode.Help), 120, 40), 120, 40);

        Assert.Contains("─Help─", frame, StringComparison.Ordinal);
        Assert.Contains("Esc closes this help.", frame, StringComparison.Ordinal);
        Assert.Contains(":close SYMBOL", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("─Positions─", frame, StringComparison.Ordinal);
        Assert.Equal(40, Frames.Lines(frame).Length);
    }

    [Fact]
    public void StatusLine_ShowsThePromptTheQuestionOrTheLastResult()
    {
        Assert.Equal(":close BTC▌", Frames.Render(TuiScreen.StatusLine(Frames.View(null, mode: InputMode.Command, input: "close BTC"), 80), 80, 1).TrimEnd());
        Assert.Equal("/error▌", Frames.Render(TuiScreen.StatusLine(Frames.View(null, mode: InputMode.Filter, input: "error"), 80), 80, 1).TrimEnd());
        Assert.Equal(TuiInput.KillQuestion, Frames.Render(TuiScreen.StatusLine(Frames.View(null, mode: InputMode.ConfirmKill), 80), 80, 1).TrimEnd());
        Assert.Equal("trading paused", Frames.Render(TuiScreen.StatusLine(Frames.View(null, status: "trading paused"), 80), 80, 1).TrimEnd());
    }

    [Fact]
    public void SmallTerminal_StillRendersExactlyItsHeight()
    {
        var frame = Frames.Render(TuiScreen.Render(Frames.View(Frames.Snapshot()), 60, 16), 60, 16);

        var lines = Frames.Lines(frame);
        Assert.Equal(16, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
        Assert.Contains("─Log─", frame, StringComparison.Ordinal);
    }

    /// <summary>The words of a table row, without the pane's borders.</summary>
    private static string[] Cells(string row) =>
        row.Trim().Trim('│').Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
