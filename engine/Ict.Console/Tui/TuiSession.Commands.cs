namespace Ict.Console.Tui;

/// <summary>What each command does to the engine, and what the status line then says.</summary>
internal sealed partial class TuiSession
{
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
            case TuiCommand.ScrollLog scroll:
                ScrollLog(scroll);
                break;
            case TuiCommand.Filter filter:
                _filter = filter.Text;
                _logAnchor = null;
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

    /// <summary>PgUp/PgDn move the Log pane a page (less one line, kept for context); End, or paging past the newest line, follows again.</summary>
    private void ScrollLog(TuiCommand.ScrollLog scroll)
    {
        var rows = TuiScreen.LogRows(_height);
        var page = Math.Max(1, rows - 1);
        if (scroll == TuiCommand.ScrollLog.Follow || (scroll.Pages < 0 && _logAnchor is null))
        {
            _logAnchor = null;
        }
        else if (scroll.Pages < 0)
        {
            _logAnchor = log.Forward(_logAnchor!.Value, page * -scroll.Pages, _filter);
        }
        else if (log.OldestPageEnd(rows, _filter) is { } oldest)
        {
            var back = log.Back(_logAnchor, page * scroll.Pages, _filter) ?? oldest;
            _logAnchor = Math.Max(back, oldest);
        }

        Say(_logAnchor is null ? "log: following the newest lines" : "log: scrolled back (PgUp/PgDn move, End follows)");
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
}
