using Ict.Abstractions;
using Ict.Indicators.Smc.Causal;

namespace Ict.Strategies.Confluence;

/// <summary>The causal indicators of one symbol and interval, and what the confluence factors need from them.</summary>
internal sealed class ConfluenceState
{
    private readonly ConfluenceOptions _o;
    private readonly Symbol _symbol;
    private readonly Interval _interval;
    private readonly CausalSwingDetector _swings;
    private readonly CausalBosChochDetector _structure;
    private readonly CausalOrderBlockDetector _blocks;
    private readonly CausalFvgDetector _gaps = new();
    private readonly List<DateTimeOffset> _times = [];
    private readonly Dictionary<(int Row, int Direction), CausalOrderBlockEvent> _activeBlocks = [];
    private readonly List<CausalFvgEvent> _recentGaps = [];
    private readonly List<Pattern> _reports = [];
    private CausalSwing? _lastHigh;
    private CausalSwing? _lastLow;
    private int _structureDirection;
    private int _bullishSweepRow = int.MinValue;
    private int _bearishSweepRow = int.MinValue;

    public ConfluenceState(Symbol symbol, Interval interval, ConfluenceOptions options)
    {
        _symbol = symbol;
        _interval = interval;
        _o = options;
        _swings = new CausalSwingDetector(options.SwingLength);
        _structure = new CausalBosChochDetector(options.SwingLength);
        _blocks = new CausalOrderBlockDetector(options.SwingLength);
    }

    /// <summary>The row of the latest candle.</summary>
    public int Row => _times.Count - 1;

    /// <summary>Feeds a closed candle; returns the patterns to report (valid until the next call).</summary>
    public IReadOnlyList<Pattern> Update(Candle candle)
    {
        _reports.Clear();
        _times.Add(candle.OpenTime);
        var bar = OhlcvBar.From(candle);
        var row = Row;
        Sweeps(bar, row);
        foreach (var s in _swings.Add(bar))
        {
            if (s.Direction == 1)
            {
                _lastHigh = s;
            }
            else
            {
                _lastLow = s;
            }
        }

        foreach (var e in _structure.Add(bar))
        {
            if (e.Kind == BosChochEventKind.Formed)
            {
                _structureDirection = e.Direction;
                Report(e.IsChoch ? PatternKind.ChangeOfCharacter : PatternKind.BreakOfStructure, "smc-bos", e.Row, e.Direction, e.Level, e.Level, PatternState.Active);
            }
        }

        foreach (var e in _blocks.Add(bar))
        {
            var key = (e.Row, e.Direction);
            if (e.Kind == OrderBlockEventKind.Formed)
            {
                _activeBlocks[key] = e;
                Report(PatternKind.OrderBlock, "smc-ob", e.Row, e.Direction, Math.Max(e.Top, e.Bottom), Math.Min(e.Top, e.Bottom), PatternState.Active);
            }
            else if (_activeBlocks.Remove(key))
            {
                Report(PatternKind.OrderBlock, "smc-ob", e.Row, e.Direction, Math.Max(e.Top, e.Bottom), Math.Min(e.Top, e.Bottom), PatternState.Invalidated);
            }
        }

        foreach (var e in _gaps.Add(bar))
        {
            if (e.Kind == FvgEventKind.Formed)
            {
                _recentGaps.Add(e);
                Report(PatternKind.FairValueGap, "smc-fvg", e.Row, e.Direction, e.Top, e.Bottom, PatternState.Active);
            }
        }

        _recentGaps.RemoveAll(g => row - g.ConfirmedRow > _o.FvgMaxAgeCandles);
        return _reports;
    }

    /// <summary>The factors for a trade in <paramref name="direction"/> (+1 long, -1 short) at <paramref name="price"/>.</summary>
    public ConfluenceScore Score(int direction, double price) => new(
        _structureDirection == direction,
        BlockAt(direction, price) is not null,
        _recentGaps.Exists(g => g.Direction == direction && g.Bottom <= price && price <= g.Top),
        InOte(direction, price),
        Row - (direction == 1 ? _bullishSweepRow : _bearishSweepRow) <= _o.SweepLookbackCandles);

    /// <summary>The stop: beyond the containing order block, else beyond the last opposite swing; null if neither exists.</summary>
    public double? StopFor(int direction, double price)
    {
        var block = BlockAt(direction, price);
        var buffer = _o.StopBufferPercent / 100;
        if (block is not null)
        {
            return direction == 1 ? Math.Min(block.Top, block.Bottom) * (1 - buffer) : Math.Max(block.Top, block.Bottom) * (1 + buffer);
        }

        var swing = direction == 1 ? _lastLow : _lastHigh;
        if (swing is null || (direction == 1 ? swing.Level >= price : swing.Level <= price))
        {
            return null;
        }

        return direction == 1 ? swing.Level * (1 - buffer) : swing.Level * (1 + buffer);
    }

    private CausalOrderBlockEvent? BlockAt(int direction, double price)
    {
        foreach (var b in _activeBlocks.Values)
        {
            if (b.Direction == direction && b.MitigatedIndex == 0 && Math.Min(b.Top, b.Bottom) <= price && price <= Math.Max(b.Top, b.Bottom))
            {
                return b;
            }
        }

        return null;
    }

    private bool InOte(int direction, double price)
    {
        if (_lastHigh is null || _lastLow is null)
        {
            return false;
        }

        var leg = _lastHigh.Level - _lastLow.Level;
        var upLeg = _lastLow.Row < _lastHigh.Row;
        if (leg <= 0 || upLeg != (direction == 1))
        {
            return false;
        }

        var retrace = direction == 1 ? (_lastHigh.Level - price) / leg : (price - _lastLow.Level) / leg;
        return retrace >= _o.OteMin && retrace <= _o.OteMax;
    }

    private void Sweeps(OhlcvBar bar, int row)
    {
        // Uses only swings confirmed before this candle: a wick through the level that closes back inside.
        if (_lastLow is not null && bar.Low < _lastLow.Level && bar.Close > _lastLow.Level)
        {
            _bullishSweepRow = row;
            Report(PatternKind.LiquiditySweep, "smc-sweep", row, 1, _lastLow.Level, bar.Low, PatternState.Active);
        }

        if (_lastHigh is not null && bar.High > _lastHigh.Level && bar.Close < _lastHigh.Level)
        {
            _bearishSweepRow = row;
            Report(PatternKind.LiquiditySweep, "smc-sweep", row, -1, bar.High, _lastHigh.Level, PatternState.Active);
        }
    }

    private void Report(PatternKind kind, string prefix, int row, int direction, double top, double bottom, PatternState state)
    {
        var time = _times[row];
        var side = direction == 1 ? Direction.Bullish : Direction.Bearish;
        var id = $"{prefix}:{_symbol}:{_interval}:{time.ToUnixTimeMilliseconds()}:{side.ToString().ToLowerInvariant()}";
        _reports.Add(new Pattern(id, kind, side, _symbol, _interval, (decimal)top, (decimal)bottom, time, _times[^1])
        {
            State = state,
            EndedTime = state == PatternState.Active ? null : _times[^1],
            EndReason = state == PatternState.Active ? null : "mitigated",
        });
    }
}
