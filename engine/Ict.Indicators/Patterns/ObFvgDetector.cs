using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>
/// Causal, streaming detector of ICT order blocks and fair value gaps on one symbol and interval, with their whole
/// lifecycle (touches, fill, invalidation, expiry). Feed it closed candles in time order with <see cref="Update(Candle)"/>;
/// it only ever looks at candles it has already been given. Same input, same output: all arithmetic is decimal.
/// </summary>
/// <remarks>
/// <para>Candles are numbered 1, 2, 3, … in the order fed. Nothing is analysed until
/// <see cref="ObFvgOptions.MinCandles"/> candles have been received; the candle that brings the count to that value
/// is the first analysed. On each analysed candle C, in this order:</para>
/// <list type="number">
/// <item><b>Lifecycle</b> of the patterns that were active before C, in detection order (a pattern is never updated
/// by the candle that detected it). A pattern's age is C's number minus its pattern candle's number (P for an order
/// block, c2 for a fair value gap), so its detection candle has age 1.
/// <list type="bullet">
/// <item>Age above <see cref="ObFvgOptions.ObMaxAgeCandles"/> / <see cref="ObFvgOptions.FvgMaxAgeCandles"/>: state
/// <see cref="PatternState.Expired"/>, reason <c>max_age</c>; nothing else happens to it on that candle.</item>
/// <item>C's range overlapping the zone (C.Low ≤ Top and C.High ≥ Bottom, edges included) adds a touch, for both
/// kinds.</item>
/// <item>Order block: a close below Bottom (bullish) or above Top (bearish) invalidates it with <c>closed_through</c>
/// (even without a touch, when C gapped past the zone); otherwise <see cref="ObFvgOptions.ObMaxTouches"/> touches
/// invalidate it with <c>max_touches</c>. Closed through wins when both happen on the same candle.</item>
/// <item>Fair value gap: <see cref="Pattern.FilledPercent"/> is the deepest penetration by the candles after
/// detection, (Top − lowest Low) / (Top − Bottom) × 100 for a bullish gap and (highest High − Bottom) /
/// (Top − Bottom) × 100 for a bearish one, clamped to 0–100; it never decreases. At 100 the gap is invalidated with
/// <c>filled</c>. Touches never end a gap.</item>
/// <item>The ending candle's open time becomes <see cref="Pattern.EndedTime"/>.</item>
/// </list></item>
/// <item><b>Detection</b> with P, the candle before C (order block, see <see cref="ObFvgOptions.MinBodyRatio"/>), and
/// c1, c2, c3 = the two candles before C and C itself (fair value gap, see <see cref="ObFvgOptions.FvgMinGapPercent"/>).
/// Order block: C's range is above zero, |C.Close − C.Open| / range &gt; MinBodyRatio, and P has the opposite colour
/// (a doji P has none); the zone is P's high and low. Fair value gap: c1.High &lt; c3.Low (bullish, Bottom = c1.High,
/// Top = c3.Low) or c1.Low &gt; c3.High (bearish, Top = c1.Low, Bottom = c3.High), kept when
/// (Top − Bottom) / c3.Close × 100 ≥ FvgMinGapPercent. Ids are
/// <c>ob:{symbol}:{interval}:{P open time, unix ms}:{bullish|bearish}</c> and
/// <c>fvg:{symbol}:{interval}:{c2 open time, unix ms}:{bullish|bearish}</c>.</item>
/// </list>
/// <para>The detector is not thread-safe: call it from one thread, as the engine's kernel does.</para>
/// </remarks>
public sealed class ObFvgDetector
{
    /// <summary>How many ended patterns <see cref="AllPatterns"/> keeps; beyond it the earliest-ended are dropped.</summary>
    public const int MaxEndedPatternsKept = 10_000;

    private static readonly IReadOnlyList<Pattern> NoPatterns = Array.AsReadOnly(Array.Empty<Pattern>());

    private readonly ObFvgOptions _options;
    private readonly PatternIdentity _identity;
    private readonly CandleRing _candles;
    private readonly List<TrackedPattern> _active = [];
    private readonly PatternArchive _archive;
    private readonly List<Pattern> _changes = [];
    private long _received;
    private DateTimeOffset _lastOpenTime;
    private IReadOnlyList<Pattern>? _activeOrderBlocks = NoPatterns;
    private IReadOnlyList<Pattern>? _activeFairValueGaps = NoPatterns;

    /// <summary>Creates a detector for one symbol and interval.</summary>
    /// <param name="symbol">The instrument every candle must belong to.</param>
    /// <param name="interval">The interval every candle must have.</param>
    /// <param name="options">The settings; checked with <see cref="ObFvgOptions.Validate"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public ObFvgDetector(Symbol symbol, Interval interval, ObFvgOptions options)
        : this(symbol, interval, options, MaxEndedPatternsKept)
    {
    }

    internal ObFvgDetector(Symbol symbol, Interval interval, ObFvgOptions options, int maxEndedPatternsKept)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEndedPatternsKept, 1);
        _options = options;
        _identity = new PatternIdentity(symbol, interval);
        _candles = new CandleRing(options.HistoryCandles);
        _archive = new PatternArchive(maxEndedPatternsKept);
    }

    /// <summary>How many candles are held: the number received, up to <see cref="ObFvgOptions.HistoryCandles"/>.</summary>
    public int CandleCount => _candles.Count;

    /// <summary>
    /// The active order blocks in detection order, oldest first. An immutable snapshot: it does not change when
    /// later candles are fed.
    /// </summary>
    public IReadOnlyList<Pattern> ActiveOrderBlocks => _activeOrderBlocks ??= CollectActive(PatternKind.OrderBlock);

    /// <summary>
    /// The active fair value gaps in detection order, oldest first. An immutable snapshot: it does not change when
    /// later candles are fed.
    /// </summary>
    public IReadOnlyList<Pattern> ActiveFairValueGaps => _activeFairValueGaps ??= CollectActive(PatternKind.FairValueGap);

    /// <summary>
    /// The oldest active pattern of a kind and direction whose zone contains a price (edges included), or
    /// <c>null</c>: the same answer as searching <see cref="ActiveOrderBlocks"/> or <see cref="ActiveFairValueGaps"/>
    /// in order, without building those lists. Allocates nothing, so a strategy can call it on every candle.
    /// </summary>
    /// <param name="kind"><see cref="PatternKind.OrderBlock"/> or <see cref="PatternKind.FairValueGap"/>.</param>
    /// <param name="direction">The direction wanted.</param>
    /// <param name="price">The price the zone must contain.</param>
    /// <returns>The pattern's current snapshot, or <c>null</c> when no active one contains the price.</returns>
    public Pattern? FindActive(PatternKind kind, Direction direction, decimal price)
    {
        for (var i = 0; i < _active.Count; i++)
        {
            var pattern = _active[i].Snapshot;
            if (pattern.Kind == kind && pattern.Direction == direction && pattern.Contains(price))
            {
                return pattern;
            }
        }

        return null;
    }

    /// <summary>
    /// Every pattern detected so far, ended ones included, in detection order, each as its latest snapshot. To bound
    /// memory only the last <see cref="MaxEndedPatternsKept"/> patterns to end are kept. An immutable snapshot.
    /// </summary>
    public IReadOnlyList<Pattern> AllPatterns => _archive.Snapshot();

    /// <summary>Feeds one closed candle and applies the lifecycle and detection rules described on the class.</summary>
    /// <param name="candle">The next closed candle of this symbol and interval.</param>
    /// <returns>
    /// Every pattern whose record changed on this candle: lifecycle updates of existing patterns first, in detection
    /// order, then newly detected patterns (order block before fair value gap). Each is an immutable snapshot. The
    /// list is empty (and shared) when nothing changed.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="candle"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The candle is for another symbol or interval, or its open time is not after the previous candle's; the
    /// detector is left unchanged.
    /// </exception>
    public IReadOnlyList<Pattern> Update(Candle candle)
    {
        Advance(candle);
        return _changes.Count == 0 ? NoPatterns : _changes.ToArray();
    }

    /// <summary>
    /// The same as <see cref="Update(Candle)"/>, but the changed patterns are added to a list the caller owns (and
    /// usually clears and reuses), so a candle with changes allocates no list either.
    /// </summary>
    /// <param name="candle">The next closed candle of this symbol and interval.</param>
    /// <param name="changes">Receives the changed patterns, in the order <see cref="Update(Candle)"/> returns them.</param>
    /// <returns>How many patterns were added to <paramref name="changes"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="candle"/> or <paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Update(Candle)"/>.</exception>
    public int Update(Candle candle, ICollection<Pattern> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Advance(candle);
        for (var i = 0; i < _changes.Count; i++)
        {
            changes.Add(_changes[i]);
        }

        return _changes.Count;
    }

    private void Advance(Candle candle)
    {
        _changes.Clear();
        Accept(candle);
        if (_received < _options.MinCandles)
        {
            return;
        }

        AdvanceActive(candle);
        Detect();
    }

    private void Accept(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        if (candle.Symbol != _identity.Symbol || candle.Interval != _identity.Interval)
        {
            throw new ArgumentException(
                $"This detector handles {_identity.Symbol} {_identity.Interval}, not {candle.Symbol} {candle.Interval}.",
                nameof(candle));
        }

        if (_received > 0 && candle.OpenTime <= _lastOpenTime)
        {
            throw new ArgumentException(
                $"Candle open time {candle.OpenTime:O} is not after the previous one ({_lastOpenTime:O}).",
                nameof(candle));
        }

        _received++;
        _lastOpenTime = candle.OpenTime;
        _candles.Add(candle);
    }

    private void AdvanceActive(Candle candle)
    {
        var kept = 0;
        for (var i = 0; i < _active.Count; i++)
        {
            var tracked = _active[i];
            var age = _received - tracked.PatternCandleIndex;
            var next = PatternLifecycle.Advance(tracked.Snapshot, age, candle, _options);
            if (next is not null)
            {
                tracked.Snapshot = next;
                Changed(next);
                if (!next.IsActive)
                {
                    _archive.Ended(tracked);
                    continue;
                }

                _archive.Changed();
            }

            _active[kept++] = tracked;
        }

        _active.RemoveRange(kept, _active.Count - kept);
    }

    private void Detect()
    {
        if (_candles.Count < 2)
        {
            return;
        }

        var current = _candles.FromEnd(0);
        var previous = _candles.FromEnd(1);
        var orderBlock = OrderBlockRule.Detect(previous, current, _options.MinBodyRatio, _identity);
        if (orderBlock is not null)
        {
            Track(orderBlock, _received - 1);
        }

        if (_candles.Count < 3)
        {
            return;
        }

        var gap = FairValueGapRule.Detect(_candles.FromEnd(2), previous, current, _options.FvgMinGapPercent, _identity);
        if (gap is not null)
        {
            Track(gap, _received - 1);
        }
    }

    private void Track(Pattern pattern, long patternCandleIndex)
    {
        var tracked = new TrackedPattern(pattern, patternCandleIndex);
        _active.Add(tracked);
        _archive.Add(tracked);
        Changed(pattern);
    }

    // Only the list of the changed pattern's kind is rebuilt: a gap's touch keeps the order block list.
    private void Changed(Pattern pattern)
    {
        _changes.Add(pattern);
        if (pattern.Kind == PatternKind.OrderBlock)
        {
            _activeOrderBlocks = null;
        }
        else
        {
            _activeFairValueGaps = null;
        }
    }

    private IReadOnlyList<Pattern> CollectActive(PatternKind kind)
    {
        var count = 0;
        foreach (var tracked in _active)
        {
            if (tracked.Snapshot.Kind == kind)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return NoPatterns;
        }

        var items = new Pattern[count];
        var n = 0;
        foreach (var tracked in _active)
        {
            if (tracked.Snapshot.Kind == kind)
            {
                items[n++] = tracked.Snapshot;
            }
        }

        return Array.AsReadOnly(items);
    }
}
