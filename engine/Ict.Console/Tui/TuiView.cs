using Ict.Engine.Status;

namespace Ict.Console.Tui;

/// <summary>Everything one frame shows: the engine's latest snapshot plus the UI's own state. Immutable.</summary>
/// <param name="Snapshot">The engine's latest snapshot; null until the first one.</param>
/// <param name="Run">How the run is doing: <c>running</c>, <c>replay finished</c>, <c>stopping…</c>, <c>stopped: …</c>.</param>
/// <param name="Log">The newest log lines that pass the filter, oldest first (the pane shows the last that fit).</param>
/// <param name="LogFilter">The log filter in force, if any.</param>
/// <param name="Mode">Where keys go (prompt, y/n question, help overlay).</param>
/// <param name="Input">What is typed at the prompt.</param>
/// <param name="Status">The result of the last command.</param>
/// <param name="StatusIsError">Whether <paramref name="Status"/> reports a failure.</param>
/// <param name="LogScrolledBack">Whether the Log pane shows older lines (PgUp) instead of following the newest.</param>
internal sealed record TuiView(
    EngineSnapshot? Snapshot,
    string Run,
    IReadOnlyList<string> Log,
    string? LogFilter,
    InputMode Mode,
    string Input,
    string Status,
    bool StatusIsError,
    bool LogScrolledBack = false);
