using System.Globalization;
using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Status;

/// <summary>
/// Keeps what an operator wants to see of the recent past — the last signals and patterns, the last error — and
/// counts orders and rejections for the status views. An event sink: it runs on the kernel thread, so the kernel
/// can copy it into a snapshot without locks.
/// </summary>
internal sealed class ActivityRecorder(int capacity = 50) : IEventSink
{
    private readonly List<(string? SignalId, ActivityRow Row)> _signals = new(capacity);
    private readonly List<(string? SignalId, ActivityRow Row)> _patterns = new(capacity);
    private readonly Dictionary<string, long> _rejections = new(StringComparer.Ordinal);

    public long OrdersPlaced { get; private set; }

    public long OrdersFilled { get; private set; }

    public long OrdersCanceled { get; private set; }

    public long OrdersRejected { get; private set; }

    public long PluginFaults { get; private set; }

    public ActivityRow? LastError { get; private set; }

    public void Handle(EngineEvent engineEvent)
    {
        switch (engineEvent)
        {
            case EntrySignalRaised raised:
                var s = raised.Signal;
                Add(_signals, raised.SignalId, new ActivityRow(raised.Time, raised.StrategyId, s.Symbol.Value, s.Side == PositionSide.Long ? "long" : "short",
                    Invariant($"entry {s.EntryPrice} stop {s.StopLoss} target {s.TakeProfit}{(string.IsNullOrEmpty(s.Reason) ? string.Empty : " — " + s.Reason)}")));
                break;
            case SignalRejected rejected:
                var reason = rejected.Reason.ToString();
                _rejections[reason] = _rejections.GetValueOrDefault(reason) + 1;
                // The signal's own row shows the decision: one row per signal.
                var index = _signals.FindLastIndex(r => r.SignalId == rejected.SignalId);
                var row = new ActivityRow(rejected.Time, rejected.StrategyId, rejected.Signal.Symbol.Value, "rejected", $"{reason}: {rejected.Detail}");
                if (index >= 0)
                {
                    var raisedRow = _signals[index].Row;
                    _signals[index] = (rejected.SignalId, row with { Kind = raisedRow.Kind + " rejected", Text = $"{reason}: {rejected.Detail} ({raisedRow.Text})" });
                }
                else
                {
                    Add(_signals, rejected.SignalId, row);
                }

                break;
            case OrderBlockDetected ob:
                AddPattern(ob.Time, ob.StrategyId, ob.Pattern);
                break;
            case FvgDetected fvg:
                AddPattern(fvg.Time, fvg.StrategyId, fvg.Pattern);
                break;
            case PatternDetected other:
                AddPattern(other.Time, other.StrategyId, other.Pattern);
                break;
            case OrderPlaced:
                OrdersPlaced++;
                break;
            case OrderFilled:
                OrdersFilled++;
                break;
            case OrderCanceled:
                OrdersCanceled++;
                break;
            case OrderRejected rejectedOrder:
                OrdersRejected++;
                LastError = new ActivityRow(rejectedOrder.Time, "venue", rejectedOrder.Order.Symbol.Value, "order rejected", $"{rejectedOrder.Order.ClientOrderId}: {rejectedOrder.Reason}");
                break;
            case PluginFaulted faulted:
                PluginFaults++;
                LastError = new ActivityRow(faulted.Time, faulted.PluginId, null, "fault", faulted.Reason);
                break;
            case EngineError error:
                LastError = new ActivityRow(error.Time, error.Source, null, "error", error.Message);
                break;
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ActivityRow> Signals => Newest(_signals);

    /// <summary>Newest first.</summary>
    public IReadOnlyList<ActivityRow> Patterns => Newest(_patterns);

    public IReadOnlyDictionary<string, long> RejectionsByReason => new Dictionary<string, long>(_rejections, StringComparer.Ordinal);

    private void AddPattern(DateTimeOffset time, string strategyId, Pattern pattern)
    {
        var kind = pattern.Kind switch
        {
            PatternKind.OrderBlock => "OB",
            PatternKind.FairValueGap => "FVG",
            _ => pattern.Kind.ToString(),
        };
        Add(_patterns, null, new ActivityRow(time, strategyId, pattern.Symbol.Value, kind,
            Invariant($"{pattern.Direction.ToString().ToLowerInvariant()} {pattern.Interval.Code} {pattern.Bottom}–{pattern.Top}")));
    }

    private void Add(List<(string? SignalId, ActivityRow Row)> rows, string? signalId, ActivityRow row)
    {
        if (rows.Count == capacity)
        {
            rows.RemoveAt(0);
        }

        rows.Add((signalId, row));
    }

    private static ActivityRow[] Newest(List<(string? SignalId, ActivityRow Row)> rows)
    {
        var newest = new ActivityRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            newest[i] = rows[rows.Count - 1 - i].Row;
        }

        return newest;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
