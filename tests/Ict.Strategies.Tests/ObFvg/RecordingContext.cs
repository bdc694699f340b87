using Ict.Abstractions;

namespace Ict.Strategies.Tests.ObFvg;

/// <summary>A strategy context that keeps what the strategy reports; a position can be set by the test.</summary>
internal sealed class RecordingContext : IStrategyContext
{
    public List<Pattern> Patterns { get; } = [];

    public List<EntrySignal> Signals { get; } = [];

    public PositionView? OpenPosition { get; set; }

    public DateTimeOffset Now { get; set; }

    public IPluginLogger Log { get; } = new SilentLog();

    public PositionView? GetPosition(Symbol symbol) => OpenPosition;

    public void ReportPattern(Pattern pattern) => Patterns.Add(pattern);

    public void Signal(EntrySignal signal) => Signals.Add(signal);

    private sealed class SilentLog : IPluginLogger
    {
        public void Info(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Error(string message, Exception? exception = null)
        {
        }
    }
}
