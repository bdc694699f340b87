using Ict.Abstractions;

namespace Ict.Engine.Tests.Plugins.Support;

/// <summary>A context for calling a plugin strategy directly, outside the kernel.</summary>
internal sealed class NullStrategyContext : IStrategyContext, IPluginLogger
{
    public DateTimeOffset Now => DateTimeOffset.UnixEpoch;

    public IPluginLogger Log => this;

    public PositionView? GetPosition(Symbol symbol) => null;

    public void ReportPattern(Pattern pattern)
    {
    }

    public void Signal(EntrySignal signal)
    {
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
