using System.Globalization;
using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Console.Tests;

/// <summary>
/// <c>ict run</c> in a real terminal: tmux at a fixed size runs the built ict.dll on a paced replay (so the engine is
/// still running), and the test reads the screen and types keys like an operator.
/// </summary>
public sealed class TerminalUiTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] Titles = ["─ict─", "─Positions─", "─Orders─", "─Signals─", "─Plugins─", "─Log─"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [SkippableFact]
    public async Task Run_InATerminal_ShowsThePanes_HelpOnQuestionMark_AndQuitsWithExitZero()
    {
        Skip.If(Tmux.Executable is null, "tmux is not installed (apt-get install tmux; .ci/run installs it)");
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            "\"closePositionsAtEnd\": true", "\"closePositionsAtEnd\": true, \"candlesPerSecond\": 20", StringComparison.Ordinal));
        var rc = _temp.File("rc");
        var script = _temp.Write("run.sh", $"""
            cd '{_temp.Path}'
            LANG=C.UTF-8 dotnet '{IctProcess.IctDll}' run --config '{config}'
            echo $? > '{rc}'
            """);

        using var tmux = await Tmux.StartAsync(160, 48, $"sh '{script}'");

        // The panes render, and the header shows the engine's snapshot.
        var screen = await tmux.WaitForAsync(s => Titles.All(t => s.Contains(t, StringComparison.Ordinal)) && s.Contains("PAPER", StringComparison.Ordinal), Patience, "the panes");
        Assert.Contains("running", Line(screen, 1), StringComparison.Ordinal);
        screen = await tmux.WaitForAsync(s => s.Contains(" INF ", StringComparison.Ordinal), Patience, "a log line");
        Assert.All(Lines(screen).Where(l => l.Contains(" INF ", StringComparison.Ordinal)), l => Assert.StartsWith("│", l, StringComparison.Ordinal)); // inside the Log pane, never raw

        // ? shows the help overlay; Esc closes it.
        await tmux.SendKeysAsync("?");
        screen = await tmux.WaitForAsync(s => s.Contains("Esc closes this help.", StringComparison.Ordinal), Patience, "the help overlay");
        Assert.Contains("─Help─", screen, StringComparison.Ordinal);
        Assert.Contains(":close SYMBOL", screen, StringComparison.Ordinal);
        await tmux.SendKeysAsync("Escape");
        screen = await tmux.WaitForAsync(s => !s.Contains("Esc closes this help.", StringComparison.Ordinal) && s.Contains("─Positions─", StringComparison.Ordinal), Patience, "the help closing");

        // p pauses trading through the kernel; :resume (typed on the command line) resumes it.
        await tmux.SendKeysAsync("p");
        await tmux.WaitForAsync(s => Line(s, 2).Contains("trading PAUSED", StringComparison.Ordinal), Patience, "trading paused in the header");
        await tmux.SendKeysAsync(":", "resume", "Enter");
        await tmux.WaitForAsync(s => Line(s, 2).Contains("trading active", StringComparison.Ordinal) && Lines(s)[^1].Contains("trading resumed", StringComparison.Ordinal), Patience, "trading resumed");

        // k asks y/n inside the frame: n leaves it off, y engages it (header) — then :kill off releases it.
        await tmux.SendKeysAsync("k");
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("Engage the kill switch and flatten ALL positions? y/n", StringComparison.Ordinal), Patience, "the kill switch question");
        await tmux.SendKeysAsync("n");
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("kill switch not engaged", StringComparison.Ordinal), Patience, "the kill switch declined");
        Assert.Contains("kill switch off", Line(await tmux.CaptureAsync(), 2), StringComparison.Ordinal);
        await tmux.SendKeysAsync("k");
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("y/n", StringComparison.Ordinal), Patience, "the kill switch question");
        await tmux.SendKeysAsync("y");
        await tmux.WaitForAsync(s => Line(s, 2).Contains("kill switch ENGAGED (tui)", StringComparison.Ordinal), Patience, "the kill switch engaged in the header");
        await tmux.SendKeysAsync(":", "kill off", "Enter");
        await tmux.WaitForAsync(s => Line(s, 2).Contains("kill switch off", StringComparison.Ordinal), Patience, "the kill switch released");

        // n sends a test message through the running notifiers (the console one prints into the Log pane).
        await tmux.SendKeysAsync("n");
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("test notification: console delivered", StringComparison.Ordinal), Patience, "the test notification's result");

        // :close names a symbol; one without a position is refused in the frame.
        await tmux.SendKeysAsync(":", "close ETHUSDT", "Enter");
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("no open position on ETHUSDT", StringComparison.Ordinal), Patience, "the close refused");

        // r reloads the plugin folders; / filters the log.
        await tmux.SendKeysAsync("r");
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("reloaded ", StringComparison.Ordinal) && Lines(s)[^1].Contains("plugin folder(s)", StringComparison.Ordinal), Patience, "the reload's result");
        await tmux.SendKeysAsync("/", "Reload requested", "Enter");
        screen = await tmux.WaitForAsync(s => s.Contains("─Log (filter: Reload requested", StringComparison.Ordinal), Patience, "the filtered log");
        var logLines = LogPaneLines(screen);
        Assert.NotEmpty(logLines);
        Assert.All(logLines, l => Assert.Contains("Reload requested", l, StringComparison.Ordinal));
        await tmux.SendKeysAsync("Escape");
        await tmux.WaitForAsync(s => s.Contains("─Log─", StringComparison.Ordinal), Patience, "the filter cleared");

        // A smaller terminal gets a whole new frame of its size.
        await tmux.ResizeAsync(100, 30);
        screen = await tmux.WaitForAsync(s => Lines(s).Length == 30 && Line(s, 0).Length == 100 && Line(s, 0).EndsWith('╮'), Patience, "a frame of 100×30");
        Assert.All(Titles, t => Assert.Contains(t, screen, StringComparison.Ordinal));
        Assert.StartsWith("╭─ict─", Line(screen, 0), StringComparison.Ordinal);

        // PgUp scrolls the log back (the pane says so and shows older lines); End follows the newest again.
        var newest = LogPaneLines(screen);
        await tmux.SendKeysAsync("PPage");
        screen = await tmux.WaitForAsync(s => s.Contains("─Log (scrolled back · End follows)", StringComparison.Ordinal), Patience, "the log scrolled back");
        Assert.NotEqual(newest[^1], LogPaneLines(screen)[^1]);
        await tmux.SendKeysAsync("End");
        await tmux.WaitForAsync(s => s.Contains("─Log─", StringComparison.Ordinal) && Lines(s)[^1].Contains("following the newest", StringComparison.Ordinal), Patience, "the log following again");

        // q stops the engine cleanly and exits 0.
        await tmux.SendKeysAsync("q");
        await tmux.WaitForAsync(_ => File.Exists(rc) && File.ReadAllText(rc).Trim().Length > 0, Patience, "ict exiting");
        Assert.Equal("0", File.ReadAllText(rc).Trim());
        screen = await tmux.CaptureAsync();
        Assert.Contains("summary (stop requested)", screen, StringComparison.Ordinal);
        Assert.Equal("stopped", RunStatus(_temp.File("ict.db")));
        Assert.Contains(Directory.GetFiles(_temp.File("logs"), "ict-*.log"), f => File.ReadAllText(f).Contains("Run 1:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Run_InATerminal_AfterTheReplayEnds_KeepsTheFinalStateUp_UntilQ()
    {
        Skip.If(Tmux.Executable is null, "tmux is not installed (apt-get install tmux; .ci/run installs it)");
        var config = TestConfigs.ShippedIn(_temp); // unpaced: the 6000 candles take a few seconds
        var rc = _temp.File("rc");
        var script = _temp.Write("run.sh", $"""
            cd '{_temp.Path}'
            LANG=C.UTF-8 dotnet '{IctProcess.IctDll}' run --config '{config}'
            echo $? > '{rc}'
            """);

        using var tmux = await Tmux.StartAsync(160, 48, $"sh '{script}'");

        var screen = await tmux.WaitForAsync(s => Line(s, 1).Contains("replay finished", StringComparison.Ordinal), TimeSpan.FromMinutes(2), "replay finished in the header");
        Assert.Contains("─Positions─", screen, StringComparison.Ordinal);
        Assert.Contains("no open position", screen, StringComparison.Ordinal); // closePositionsAtEnd: the final state is flat
        Assert.False(File.Exists(rc), "ict left before q");

        await tmux.SendKeysAsync("p"); // the run is over: trading commands are refused, in the frame
        await tmux.WaitForAsync(s => Lines(s)[^1].Contains("the run has ended", StringComparison.Ordinal), Patience, "the refusal on the status line");

        await tmux.SendKeysAsync("q");
        await tmux.WaitForAsync(_ => File.Exists(rc) && File.ReadAllText(rc).Trim().Length > 0, Patience, "ict exiting");
        Assert.Equal("0", File.ReadAllText(rc).Trim());
        Assert.Contains("summary (end of data)", await tmux.CaptureAsync(), StringComparison.Ordinal);
        Assert.Equal("completed", RunStatus(_temp.File("ict.db")));
    }

    [SkippableFact]
    public async Task Run_InATerminal_OnSigterm_StopsTheEngineCleanly_AndExitsZero()
    {
        Skip.If(Tmux.Executable is null, "tmux is not installed (apt-get install tmux; .ci/run installs it)");
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            "\"closePositionsAtEnd\": true", "\"closePositionsAtEnd\": true, \"candlesPerSecond\": 20", StringComparison.Ordinal));
        var rc = _temp.File("rc");
        var shell = _temp.File("shell.pid");
        var script = _temp.Write("run.sh", $"""
            cd '{_temp.Path}'
            echo $$ > '{shell}'
            LANG=C.UTF-8 dotnet '{IctProcess.IctDll}' run --config '{config}'
            echo $? > '{rc}'
            """);

        using var tmux = await Tmux.StartAsync(160, 48, $"sh '{script}'");
        await tmux.WaitForAsync(s => Titles.All(t => s.Contains(t, StringComparison.Ordinal)) && s.Contains("PAPER", StringComparison.Ordinal), Patience, "the panes");

        var ict = (await Output("pgrep", "-P", File.ReadAllText(shell).Trim())).Trim(); // the shell's one child: dotnet ict.dll
        await Output("kill", "-TERM", ict);

        await tmux.WaitForAsync(_ => File.Exists(rc) && File.ReadAllText(rc).Trim().Length > 0, Patience, "ict exiting on SIGTERM");
        Assert.Equal("0", File.ReadAllText(rc).Trim());
        Assert.Contains("summary (stop requested)", await tmux.CaptureAsync(), StringComparison.Ordinal);
        Assert.Equal("stopped", RunStatus(_temp.File("ict.db")));
        Assert.True(File.Exists(Engine.Status.StatusFile.PathFor(_temp.File("ict.db"))), "the status file is written under the UI too");
    }

    private static async Task<string> Output(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, args) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}");
        return output;
    }

    /// <summary>The non-empty lines inside the Log pane of a captured screen.</summary>
    private static List<string> LogPaneLines(string screen) =>
        Lines(screen).SkipWhile(l => !l.Contains("─Log", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith('│')).Where(l => l.Trim('│', ' ').Length > 0).ToList();

    private static string[] Lines(string screen) => screen.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static string Line(string screen, int index) => Lines(screen) is var lines && lines.Length > index ? lines[index] : string.Empty;

    private static string RunStatus(string database)
    {
        using var db = new SqliteConnection($"Data Source={database};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT status FROM runs";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
