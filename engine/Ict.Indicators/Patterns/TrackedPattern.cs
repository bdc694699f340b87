using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>A detector's bookkeeping for one pattern: its latest snapshot and the index of its pattern candle.</summary>
internal sealed class TrackedPattern
{
    public TrackedPattern(Pattern snapshot, long patternCandleIndex)
    {
        Snapshot = snapshot;
        PatternCandleIndex = patternCandleIndex;
    }

    /// <summary>The pattern as it is now.</summary>
    public Pattern Snapshot { get; set; }

    /// <summary>The 1-based number of the pattern candle (P for an order block, c2 for a fair value gap).</summary>
    public long PatternCandleIndex { get; }

    /// <summary>Dropped from <see cref="ObFvgDetector.AllPatterns"/> to keep memory bounded.</summary>
    public bool Evicted { get; set; }
}
