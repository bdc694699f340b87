using Ict.Abstractions;

namespace Ict.Strategies.Tests;

/// <summary>
/// A strategy context that keeps what the strategy reports and signals (with the engine time of each signal); flat
/// unless the test sets <see cref="OpenPosition"/>; its log is silent.
/// </summary>
internal sealed class RecordingContext : IStrategyContext, IPluginLogger
{
    public List<Pattern> Patterns { get; } = [];

    public List<EntrySignal> Signals { get; } = [];

    /// <summary>Each signal with the engine time it was raised at.</summary>
    public List<(DateTimeOffset Time, EntrySignal Signal)> TimedSignals { get; } = [];

    public PositionView? OpenPosition { get; set; }

    public DateTimeOffset Now { get; set; }

    public IPluginLogger Log => this;

    public PositionView? GetPosition(Symbol symbol) => OpenPosition;

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
