using System.Threading.Channels;
using Ict.Engine;
using Ict.Engine.Kernel;
using Ict.Engine.Status;
using Spectre.Console;

namespace Ict.Console.Tui;

/// <summary>
/// One terminal UI over one engine run. The UI loop is the only code that touches the terminal: it waits for an
/// event (a key, the refresh tick, a command's result, the end of the run), handles it, and redraws the frame from
/// the engine's latest immutable snapshot. A resized terminal restarts Spectre's live display (0.49.1 corrupts it
/// when the terminal shrinks). After the run ends the frame stays up, showing the final state, until <c>q</c>.
/// </summary>
internal sealed class TuiSession(EngineHost host, LogRing log, TextWriter terminal)
{
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(250);

    private readonly Channel<TuiEvent> _events = Channel.CreateUnbounded<TuiEvent>();
    private readonly TuiInput _input = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<RunSummary>? _engine;
    private string _status = string.Empty;
    private bool _statusIsError;
    private string? _filter;
    private string _run = "running";
    private bool _quitting;
    private bool _done;

    /// <summary>The run's summary once it ended normally.</summary>
    public RunSummary? Summary { get; private set; }

    /// <summary>Why the run failed, if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Posts SIGINT or SIGTERM to the loop (any thread).</summary>
    public void Signal() => _events.Writer.TryWrite(new TuiEvent.Signal());

    /// <summary>Runs the engine under the UI until the operator quits; returns once the engine has stopped.</summary>
    public async Task RunAsync()
    {
        _engine = host.RunAsync(_stop.Token);
        _ = _engine.ContinueWith(_ => _events.Writer.TryWrite(new TuiEvent.EngineEnded()), TaskScheduler.Default);
        StartKeyReader();
        using var ticks = new CancellationTokenSource();
        var ticker = TickAsync(ticks.Token);

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new TerminalOutput(terminal),
        });
        console.Profile.Capabilities.Unicode = terminal.Encoding.CodePage == 65001;

        terminal.Write("\u001b[?1049h"); // the alternate screen: the shell's scrollback is left as it was
        try
        {
            while (!_done)
            {
                var size = TerminalOutput.Size;
                terminal.Write("\u001b[2J\u001b[3J\u001b[H");
                await console.Live(Frame(size))
                    .AutoClear(true)
                    .Overflow(VerticalOverflow.Crop)
                    .Cropping(VerticalOverflowCropping.Bottom)
                    .StartAsync(context => LiveAsync(context, size))
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            terminal.Write("\u001b[?25h\u001b[?1049l");
            terminal.Flush();
            await ticks.CancelAsync().ConfigureAwait(false);
            await ticker.ConfigureAwait(false);
            if (_engine is { IsCompleted: false } engine)
            {
                // The UI itself failed: stop the engine as q would before the error goes on up.
                await _stop.CancelAsync().ConfigureAwait(false);
                await ((Task)engine).ContinueWith(_ => EngineEnded(), TaskScheduler.Default).ConfigureAwait(false);
            }

            _stop.Dispose();
        }
    }

    /// <summary>Handles events and redraws until the operator leaves or the terminal changes size.</summary>
    private async Task LiveAsync(LiveDisplayContext context, (int Width, int Height) size)
    {
        var drawnLog = -1L;
        EngineSnapshot? drawnSnapshot = null;
        while (!_done && await _events.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var dirty = false;
            var tick = false;
            while (_events.Reader.TryRead(out var next))
            {
                dirty |= Handle(next);
                tick |= next is TuiEvent.Tick;
            }

            if (TerminalOutput.Size != size)
            {
                return; // restart the live display at the new size
            }

            // Keys and results redraw at once; new log lines and snapshots wait for the tick (at most 4 frames a second).
            if (dirty || (tick && (log.Version != drawnLog || !ReferenceEquals(host.Latest, drawnSnapshot))))
            {
                drawnLog = log.Version;
                drawnSnapshot = host.Latest;
                context.UpdateTarget(Frame(size));
            }
        }
    }

    /// <summary>Applies one event; true when the frame changed.</summary>
    private bool Handle(TuiEvent next)
    {
        switch (next)
        {
            case TuiEvent.Key key:
                var positions = host.Latest?.Trading.Positions;
                if (_input.OnKey(key.Info, _filter, positions is [var only] ? only.Symbol.Value : null) is { } command)
                {
                    Execute(command);
                }

                return true;
            case TuiEvent.Said said:
                Say(said.Message, said.IsError);
                return true;
            case TuiEvent.Signal:
                Execute(new TuiCommand.Quit());
                return true;
            case TuiEvent.EngineEnded:
                EngineEnded();
                return true;
            default:
                return false;
        }
    }

    private void Execute(TuiCommand command)
    {
        var ended = _engine is null || _engine.IsCompleted;
        switch (command)
        {
            case TuiCommand.Quit:
                if (ended)
                {
                    _done = true;
                }
                else if (!_quitting)
                {
                    _quitting = true;
                    _run = "stopping…";
                    Say("stopping the engine: finishing the event in hand, flushing the state…");
                    _stop.Cancel();
                }

                break;
            case TuiCommand.Filter filter:
                _filter = filter.Text;
                Say(filter.Text is null ? "log filter cleared" : $"log filter: {filter.Text} (/ to change, Esc clears)");
                break;
            case TuiCommand.Say say:
                Say(say.Message, say.IsError);
                break;
            case TuiCommand.Help or TuiCommand.RequestKill:
                _input.Route(command);
                break;
            case var _ when ended:
                Say("the run has ended: the engine takes no more commands (q quits)", isError: true);
                break;
            case TuiCommand.SetPause pause:
                var paused = pause.Paused ?? !(host.Latest?.Trading.TradingPaused ?? false);
                Report(host.SetPaused(paused, "tui"), paused ? "trading paused: no new entries; open positions keep their SL/TP" : "trading resumed");
                break;
            case TuiCommand.EngageKill:
                Report(host.SetKillSwitch(true, flatten: true, "tui"), "kill switch ENGAGED: flattening all positions, no new entries (:kill off releases)");
                break;
            case TuiCommand.ReleaseKill:
                Report(host.SetKillSwitch(false, flatten: false, "tui"), "kill switch released: new entries allowed");
                break;
            case TuiCommand.Close close:
                if (host.Latest?.Trading.Positions.Any(p => p.Symbol.Value == close.Symbol) == false)
                {
                    Say($"no open position on {close.Symbol}", isError: true);
                }
                else
                {
                    Report(host.ClosePosition(close.Symbol, "tui"), $"closing {close.Symbol} at market");
                }

                break;
            case TuiCommand.Reload:
                Say("reloading plugins and scripts…");
                var stopping = _stop.Token;
                InBackground(async () =>
                {
                    var result = await host.ReloadAsync(stopping).ConfigureAwait(false);
                    var skipped = result.Skipped.Count == 0 ? string.Empty : $"; skipped: {string.Join("; ", result.Skipped)}";
                    return ($"reloaded {result.PluginFolders} plugin folder(s) and {result.Scripts} script(s): see the Plugins pane{skipped}", result.Skipped.Count > 0);
                });
                break;
            case TuiCommand.NotifyTest:
                Say("sending a test notification…");
                InBackground(async () =>
                {
                    var results = await host.SendTestNotificationAsync("the terminal UI", CancellationToken.None).ConfigureAwait(false);
                    return results.Count == 0
                        ? ("no notifier is running (see $.notifiers in the config)", true)
                        : ("test notification: " + string.Join("; ", results.Select(r => $"{r.Key} {r.Failure ?? "delivered"}")), results.Any(r => r.Failure is not null));
                });
                break;
        }
    }

    private void EngineEnded()
    {
        try
        {
            Summary = _engine!.GetAwaiter().GetResult();
            _run = Summary.StopReason == "end of data" ? "replay finished" : $"stopped ({Summary.StopReason})";
            if (!_quitting)
            {
                Say($"{_run}: {Summary.Trades} trade(s), net PnL {Cell.Signed(Summary.NetPnl)}; the frame shows the final state; q quits");
            }
        }
        catch (Exception ex)
        {
            Failure = ex;
            _run = "stopped: engine error";
            Say($"the engine stopped on an error: {ex.Message} (details in the log file); q quits", isError: true);
        }

        if (_quitting)
        {
            _done = true;
        }
    }

    private void Report(bool accepted, string message)
    {
        if (accepted)
        {
            Say(message);
        }
        else
        {
            Say("the engine is not taking commands (has the run ended?)", isError: true);
        }
    }

    private void Say(string message, bool isError = false)
    {
        _status = message;
        _statusIsError = isError;
    }

    /// <summary>Runs a slow command off the UI loop; its result comes back as an event.</summary>
    private void InBackground(Func<Task<(string Message, bool IsError)>> work) => _ = Task.Run(async () =>
    {
        try
        {
            var (message, isError) = await work().ConfigureAwait(false);
            _events.Writer.TryWrite(new TuiEvent.Said(message, isError));
        }
        catch (OperationCanceledException)
        {
            _events.Writer.TryWrite(new TuiEvent.Said("cancelled: the engine is stopping", true));
        }
        catch (Exception ex)
        {
            _events.Writer.TryWrite(new TuiEvent.Said($"failed: {ex.Message}", true));
        }
    });

    private Spectre.Console.Rendering.IRenderable Frame((int Width, int Height) size)
    {
        var rows = Math.Max(1, size.Height);
        var view = new TuiView(host.Latest, _run, log.Tail(rows, _filter), _filter, _input.Mode, _input.Text, _status, _statusIsError);
        return TuiScreen.Render(view, size.Width, size.Height);
    }

    /// <summary>Reads keys on a thread of its own (Console.ReadKey blocks) and posts them to the loop.</summary>
    private void StartKeyReader()
    {
        var reader = new Thread(() =>
        {
            try
            {
                while (true)
                {
                    var key = System.Console.ReadKey(intercept: true);
                    if (!_events.Writer.TryWrite(new TuiEvent.Key(key)))
                    {
                        return;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // no console to read from (stdin closed): the UI still shows, and signals still quit it
            }
        })
        {
            IsBackground = true,
            Name = "tui keys",
        };
        reader.Start();
    }

    private async Task TickAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(RefreshPeriod, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                _events.Writer.TryWrite(new TuiEvent.Tick());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
