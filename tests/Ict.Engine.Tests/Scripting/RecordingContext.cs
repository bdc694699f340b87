using Ict.Abstractions;

namespace Ict.Engine.Tests.Scripting;

/// <summary>A strategy context that records signals and patterns; it never holds a position.</summary>
internal sealed class RecordingContext : IStrategyContext, IPluginLogger
{
    public List<EntrySignal> Signals { get; } = [];

    public List<Pattern> Patterns { get; } = [];

    public DateTimeOffset Now { get; private set; }

    public IPluginLogger Log => this;

    public void Advance(Candle candle)
    {
        Now = candle.CloseTime;
    }

    public PositionView? GetPosition(Symbol symbol) => null;

    public void ReportPattern(Pattern pattern) => Patterns.Add(pattern);

    public void Signal(EntrySignal signal)
    {
        Signals.Add(signal);
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
