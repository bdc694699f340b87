using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>The context handed to a strategy for one call; collects what it reports for the kernel to act on.</summary>
internal sealed class StrategyContext(Func<Symbol, PositionView?> positions) : IStrategyContext
{
    public List<Pattern> Patterns { get; } = [];

    public List<EntrySignal> Signals { get; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>Set by the kernel before a guarded call; <see cref="CancellationToken.None"/> inline.</summary>
    public CancellationToken Cancellation { get; set; }

    public IPluginLogger Log { get; private set; } = null!;

    public void Reset(DateTimeOffset now, IPluginLogger log)
    {
        Now = now;
        Log = log;
        Cancellation = CancellationToken.None;
        Patterns.Clear();
        Signals.Clear();
    }

    public PositionView? GetPosition(Symbol symbol) => positions(symbol);

    public void ReportPattern(Pattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Patterns.Add(pattern);
    }

    public void Signal(EntrySignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Signals.Add(signal);
    }
}
