using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>
/// Every pattern a detector has found, in detection order, with their latest snapshots. Ended patterns are kept up
/// to a cap: when one more ends beyond it, the pattern that ended earliest is dropped.
/// </summary>
internal sealed class PatternArchive
{
    private readonly int _maxEnded;
    private readonly List<TrackedPattern> _all = [];
    private readonly Queue<TrackedPattern> _ended = new();
    private int _evictedInList;
    private IReadOnlyList<Pattern>? _snapshot;

    public PatternArchive(int maxEnded)
    {
        _maxEnded = maxEnded;
    }

    /// <summary>Records a newly detected pattern.</summary>
    public void Add(TrackedPattern pattern)
    {
        _all.Add(pattern);
        _snapshot = null;
    }

    /// <summary>Notes that a held pattern's snapshot changed.</summary>
    public void Changed() => _snapshot = null;

    /// <summary>Notes that a held pattern ended, dropping the earliest-ended one when over the cap.</summary>
    public void Ended(TrackedPattern pattern)
    {
        _snapshot = null;
        _ended.Enqueue(pattern);
        if (_ended.Count <= _maxEnded)
        {
            return;
        }

        _ended.Dequeue().Evicted = true;
        _evictedInList++;

        // Compact in bulk so eviction stays amortised O(1).
        if (_evictedInList >= Math.Max(_maxEnded, 16))
        {
            _all.RemoveAll(static p => p.Evicted);
            _evictedInList = 0;
        }
    }

    /// <summary>An immutable list of the held patterns' latest snapshots, rebuilt only after a change.</summary>
    public IReadOnlyList<Pattern> Snapshot()
    {
        if (_snapshot is not null)
        {
            return _snapshot;
        }

        var items = new Pattern[_all.Count - _evictedInList];
        var n = 0;
        foreach (var pattern in _all)
        {
            if (!pattern.Evicted)
            {
                items[n++] = pattern.Snapshot;
            }
        }

        _snapshot = Array.AsReadOnly(items);
        return _snapshot;
    }
}
