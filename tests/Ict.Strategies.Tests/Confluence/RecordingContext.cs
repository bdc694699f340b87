using Ict.Abstractions;

namespace Ict.Strategies.Tests.Confluence;

/// <summary>A strategy context that records what the strategy reports and signals; always flat.</summary>
internal sealed class RecordingContext : IStrategyContext, IPluginLogger
{
    public List<Pattern> Patterns { get; } = [];

    public List<EntrySignal> Signals { get; } = [];

    /// <summary>Each signal with the engine time it was raised at.</summary>
    public List<(DateTimeOffset Time, EntrySignal Signal)> TimedSignals { get; } = [];

    public DateTimeOffset Now { get; set; }

    public IPluginLogger Log => this;

    public PositionView? GetPosition(Symbol symbol) => null;

    public void ReportPattern(Pattern pattern) => Patterns.Add(pattern);

    public void Signal(EntrySignal signal)
    {
        Signals.Add(signal);
        TimedSignals.Add((Now, signal));
    }

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
