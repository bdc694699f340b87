namespace Ict.Console.Tui;

/// <summary>What wakes the UI loop up. Posted from any thread; only the UI loop handles them.</summary>
internal abstract record TuiEvent
{
    public sealed record Key(ConsoleKeyInfo Info) : TuiEvent;

    /// <summary>The refresh clock: new log lines, a new snapshot, a resized terminal.</summary>
    public sealed record Tick : TuiEvent;

    /// <summary>The result of a command that ran in the background.</summary>
    public sealed record Said(string Message, bool IsError) : TuiEvent;

    /// <summary>SIGINT or SIGTERM: leave as <c>q</c> would.</summary>
    public sealed record Signal : TuiEvent;

    /// <summary>The engine's run is over (end of data, stop requested or a failure).</summary>
    public sealed record EngineEnded : TuiEvent;
}
