namespace Ict.Console.Tui;

/// <summary>What the operator asked for, from a key or from the <c>:</c> command line.</summary>
internal abstract record TuiCommand
{
    /// <summary>Stop (or restart) taking new entries: <c>p</c> flips it, <c>:pause</c> and <c>:resume</c> set it.</summary>
    public sealed record SetPause(bool? Paused) : TuiCommand;

    /// <summary>Asks to engage the kill switch and flatten everything; the frame asks y/n before it happens.</summary>
    public sealed record RequestKill : TuiCommand;

    /// <summary>The operator answered y: engage the kill switch and flatten all positions.</summary>
    public sealed record EngageKill : TuiCommand;

    /// <summary>Releases the kill switch (<c>:kill off</c>).</summary>
    public sealed record ReleaseKill : TuiCommand;

    /// <summary>Re-applies every plugin folder and script file.</summary>
    public sealed record Reload : TuiCommand;

    /// <summary>Closes the position on one symbol at market.</summary>
    public sealed record Close(string Symbol) : TuiCommand;

    /// <summary>Sends a test message through the running notifiers.</summary>
    public sealed record NotifyTest : TuiCommand;

    /// <summary>Shows only the log lines containing <paramref name="Text"/> (case-insensitive); null shows all.</summary>
    public sealed record Filter(string? Text) : TuiCommand;

    /// <summary>
    /// Scrolls the Log pane: <paramref name="Pages"/> pages back (negative: forward); <see cref="ScrollLog.Follow"/>
    /// goes back to following the newest lines.
    /// </summary>
    public sealed record ScrollLog(int Pages) : TuiCommand
    {
        public static ScrollLog Follow { get; } = new(int.MinValue);
    }

    /// <summary>Shows the help overlay.</summary>
    public sealed record Help : TuiCommand;

    /// <summary>Stops the engine and leaves.</summary>
    public sealed record Quit : TuiCommand;

    /// <summary>Nothing to do, but something to say on the status line (a cancelled prompt, a typo).</summary>
    public sealed record Say(string Message, bool IsError = false) : TuiCommand;
}
