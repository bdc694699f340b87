using System.Globalization;
using Ict.Exchange.Binance.Models;

namespace Ict.Exchange.Binance.Streams;

/// <summary>A fill of the MARKET child order a triggered SL/TP created, attributed to its conditional parent.</summary>
public sealed record AlgoChildFill(string ClientAlgoId, long ChildOrderId, OrderUpdatePayload Fill);

/// <summary>
/// Attributes child-order fills to their conditional (algo) parent whatever order the events arrive in: Binance has
/// been seen sending the child's ORDER_TRADE_UPDATE both before and after ALGO_UPDATE TRIGGERED (which carries the
/// child id in <c>ai</c>). A fill is matched by its client id (<c>c</c> = our clientAlgoId) or by its order id
/// (<c>i</c> = a known <c>ai</c>); a fill that matches neither yet is held until a TRIGGERED names its order id.
/// </summary>
public sealed class AlgoFillCorrelator(int maxPending = 256)
{
    private readonly HashSet<string> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _childToAlgo = [];
    private readonly Dictionary<long, List<OrderUpdatePayload>> _pending = [];
    private readonly Queue<long> _pendingOrder = new();

    /// <summary>Registers one of our conditional orders by its clientAlgoId.</summary>
    public void Track(string clientAlgoId) => _tracked.Add(clientAlgoId);

    /// <summary>Feeds one user-data event; returns the algo child fills it completes (often none).</summary>
    public IReadOnlyList<AlgoChildFill> Observe(UserDataEvent evt)
    {
        switch (evt)
        {
            case AlgoOrderUpdated { Event.Order: var a } when _tracked.Contains(a.ClientAlgoId)
                && long.TryParse(a.ActualOrderId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var childId) && childId > 0:
                _childToAlgo[childId] = a.ClientAlgoId;
                if (_pending.Remove(childId, out var held))
                {
                    return held.Select(f => new AlgoChildFill(a.ClientAlgoId, childId, f)).ToList();
                }

                return [];
            case OrderUpdated { Event.Order: var o } when o.ExecutionType == "TRADE":
                if (_tracked.Contains(o.ClientOrderId) || _childToAlgo.ContainsKey(o.OrderId))
                {
                    var parent = _childToAlgo.TryGetValue(o.OrderId, out var p) ? p : o.ClientOrderId;
                    _childToAlgo[o.OrderId] = parent;
                    return [new AlgoChildFill(parent, o.OrderId, o)];
                }

                Hold(o);
                return [];
            default:
                return [];
        }
    }

    /// <summary>Fills not (yet) attributed to any conditional order: regular orders, or a child whose TRIGGERED is late.</summary>
    public int PendingCount => _pending.Values.Sum(l => l.Count);

    private void Hold(OrderUpdatePayload fill)
    {
        if (_tracked.Count == 0)
        {
            return;
        }

        if (!_pending.TryGetValue(fill.OrderId, out var list))
        {
            list = [];
            _pending[fill.OrderId] = list;
            _pendingOrder.Enqueue(fill.OrderId);
            while (_pendingOrder.Count > maxPending)
            {
                _pending.Remove(_pendingOrder.Dequeue());
            }
        }

        list.Add(fill);
    }
}
