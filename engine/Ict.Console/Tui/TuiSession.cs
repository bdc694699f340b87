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
internal sealed partial class TuiSession(EngineHost host, LogRing log, TextWriter terminal)
{
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan KeyPollPeriod = TimeSpan.FromMilliseconds(20);

    private readonly Channel<TuiEvent> _events = Channel.CreateUnbounded<TuiEvent>();
    private readonly TuiInput _input = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<RunSummary>? _engine;
    private string _status = string.Empty;
    private bool _statusIsError;
    private string? _filter;
    private long? _logAnchor; // the Log pane's bottom line while scrolled back; null follows the newest
    private int _height = 24;
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
        using var ticks = new CancellationTokenSource();
        var ticker = TickAsync(ticks.Token);
        var keys = Task.Run(() => ReadKeysAsync(ticks.Token), CancellationToken.None);

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
            await keys.ConfigureAwait(false);
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

    private Spectre.Console.Rendering.IRenderable Frame((int Width, int Height) size)
    {
        var rows = Math.Max(1, size.Height);
        _height = size.Height;
        var view = new TuiView(host.Latest, _run, log.Tail(rows, _filter, _logAnchor), _filter, _input.Mode, _input.Text, _status, _statusIsError, _logAnchor is not null);
        return TuiScreen.Render(view, size.Width, size.Height);
    }

    /// <summary>
    /// Reads keys and posts them to the loop. It asks whether a key is waiting before reading one: a Console.ReadKey
    /// blocked in read() holds the console's lock on Unix, which the runtime needs again at exit (and to start a child
    /// process), so a reader parked there can hang the shutdown.
    /// </summary>
    private async Task ReadKeysAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(KeyPollPeriod, TimeProvider.System);
        try
        {
            do
            {
                while (System.Console.KeyAvailable)
                {
                    _events.Writer.TryWrite(new TuiEvent.Key(System.Console.ReadKey(intercept: true)));
                }
            }
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException)
        {
            // no console to read from (stdin closed): the UI still shows, and signals still quit it
        }
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
