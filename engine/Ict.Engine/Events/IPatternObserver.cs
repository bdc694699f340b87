using Ict.Abstractions;

namespace Ict.Engine.Events;

/// <summary>
/// A sink that takes pattern reports as direct calls instead of event objects. The kernel calls it, on the kernel
/// thread and in sink order, for every pattern a strategy reports, and sends it no OrderBlockDetected, FvgDetected,
/// PatternDetected or PatternUpdated events: a backtest whose sinks all observe this way (or want no pattern events)
/// allocates no event per pattern change.
/// </summary>
public interface IPatternObserver
{
    /// <param name="strategyId">The reporting strategy.</param>
    /// <param name="pattern">The pattern as reported.</param>
    /// <param name="isNew">Its first report (the detection), else an update.</param>
    void OnPattern(string strategyId, Pattern pattern, bool isNew);
}
