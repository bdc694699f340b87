using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Kernel;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Rest;
using Ict.Exchange.Binance.Streams;

namespace Ict.Engine.Live;

/// <summary>
/// Turns the user-data stream into kernel inputs: an order's executions are summed (quantity, average price, fees)
/// and reported once it is FILLED; a stop-loss or take-profit fill is attributed to its algo order by
/// <see cref="AlgoFillCorrelator"/>, whichever order Binance sends the events in; an algo order the exchange ends by
/// itself is reported as ended. After a gap in the stream, the orders still working are looked up over REST.
/// </summary>
/// <param name="asset">The account's margin asset: a fill looked up over REST is charged the commission its trades paid in it.</param>
internal sealed class UserDataPump(ChannelWriter<KernelInput> kernel, TimeProvider time, string asset)
{
    private readonly Lock _gate = new();
    private readonly AlgoFillCorrelator _correlator = new();
    private readonly Dictionary<string, (bool Algo, string Symbol)> _working = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal Quantity, decimal Notional, decimal Fee)> _executions = new(StringComparer.Ordinal);

    /// <summary>Starts listening for reports about one of our orders (called before it is sent).</summary>
    public void Track(string clientOrderId, bool algo, string symbol = "")
    {
        lock (_gate)
        {
            _working[clientOrderId] = (algo, symbol);
            if (algo)
            {
                _correlator.Track(clientOrderId);
            }
        }
    }

    public async Task RunAsync(ChannelReader<UserDataEvent> events, BinanceTradingClient trading, CancellationToken ct)
    {
        try
        {
            await foreach (var evt in events.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (evt is UserStreamResumed)
                {
                    await CatchUpAsync(trading, ct).ConfigureAwait(false);
                    continue;
                }

                foreach (var input in Observe(evt))
                {
                    await kernel.WriteAsync(input, ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    /// <summary>The kernel inputs one event completes (often none).</summary>
    public IReadOnlyList<KernelInput> Observe(UserDataEvent evt)
    {
        lock (_gate)
        {
            switch (evt)
            {
                case OrderUpdated { Event.Order: var o } when _working.TryGetValue(o.ClientOrderId, out var w) && !w.Algo:
                    return o.ExecutionType == "TRADE" ? Execution(o.ClientOrderId, o) : Ended(o.ClientOrderId, o.Status, o.TradeTime);
                case AlgoOrderUpdated { Event.Order: var a } when _working.ContainsKey(a.ClientAlgoId) && a.Status is "CANCELED" or "EXPIRED" or "REJECTED":
                    _correlator.Observe(evt);
                    return Ended(a.ClientAlgoId, a.Status, a.TriggerTime, a.FailureReason);
                case AlgoOrderUpdated { Event.Order: var a } when _working.ContainsKey(a.ClientAlgoId) && a.Status == "FINISHED" && a.ExecutedQuantity <= 0:
                    // FINISHED is "filled or canceled": a child that executed nothing was canceled or expired in the
                    // matching engine, so the order no longer protects anything.
                    _correlator.Observe(evt);
                    _working.Remove(a.ClientAlgoId);
                    return [new VenueEnded(a.ClientAlgoId, OrderStatus.Canceled, $"FINISHED on the exchange with nothing executed{(string.IsNullOrEmpty(a.FailureReason) ? string.Empty : ": " + a.FailureReason)}", Time(a.TriggerTime))];
                default:
                    var inputs = new List<KernelInput>();
                    foreach (var fill in _correlator.Observe(evt))
                    {
                        inputs.AddRange(Execution(fill.ClientAlgoId, fill.Fill));
                    }

                    return inputs;
            }
        }
    }

    private List<KernelInput> Execution(string id, OrderUpdatePayload o)
    {
        var sum = _executions.GetValueOrDefault(id);
        sum = (sum.Quantity + o.LastFilledQuantity, sum.Notional + (o.LastFilledQuantity * o.LastFilledPrice), sum.Fee + o.Commission);
        if (o.Status != "FILLED")
        {
            _executions[id] = sum;
            return [];
        }

        _executions.Remove(id);
        _working.Remove(id);
        var average = sum.Quantity > 0 ? sum.Notional / sum.Quantity : o.AveragePrice;
        return [new VenueExecuted(id, sum.Quantity, average, sum.Fee, Time(o.TradeTime))];
    }

    private List<KernelInput> Ended(string id, string status, long eventTime, string? detail = null)
    {
        var engineStatus = status switch
        {
            "CANCELED" => OrderStatus.Canceled,
            "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
            "REJECTED" => OrderStatus.Rejected,
            _ => (OrderStatus?)null,
        };
        if (engineStatus is not { } ended)
        {
            return [];
        }

        _working.Remove(id);
        return [new VenueEnded(id, ended, $"{status} on the exchange{(string.IsNullOrEmpty(detail) ? string.Empty : ": " + detail)}", Time(eventTime))];
    }

    // Events may have been lost in the gap: ask the exchange about every order still working.
    private async Task CatchUpAsync(BinanceTradingClient trading, CancellationToken ct)
    {
        List<(string Id, bool Algo, string Symbol)> working;
        lock (_gate)
        {
            working = _working.Select(w => (w.Key, w.Value.Algo, w.Value.Symbol)).ToList();
        }

        foreach (var (id, algo, symbol) in working)
        {
            KernelInput? input = null;
            try
            {
                if (algo && await trading.FindAlgoOrderAsync(id, ct).ConfigureAwait(false) is { } a)
                {
                    input = BinanceWireNames.AlgoStatus(a.AlgoStatus ?? "NEW", a.ActualQty) switch
                    {
                        OrderStatus.Filled when a.ActualQty > 0 => new VenueExecuted(id, a.ActualQty, a.ActualPrice,
                            await ChildCommissionAsync(trading, a, ct).ConfigureAwait(false), Time(a.UpdateTime)),
                        OrderStatus.Canceled or OrderStatus.Expired or OrderStatus.Rejected => new VenueEnded(id, OrderStatus.Canceled, $"{a.AlgoStatus} on the exchange", Time(a.UpdateTime)),
                        _ => null,
                    };
                }
                else if (!algo && symbol.Length > 0 && await trading.FindOrderAsync(symbol, id, ct).ConfigureAwait(false) is { Status: "FILLED" } o)
                {
                    input = new VenueExecuted(id, o.ExecutedQty, o.AvgPrice,
                        await trading.GetOrderCommissionAsync(symbol, o.OrderId, asset, ct).ConfigureAwait(false) ?? 0m, Time(o.UpdateTime));
                }
            }
            catch (BinanceApiException)
            {
                continue; // looked up again after the next gap, or at the next start
            }

            if (input is not null)
            {
                lock (_gate)
                {
                    if (!_working.Remove(id))
                    {
                        continue; // the stream reported it meanwhile
                    }
                }

                await kernel.WriteAsync(input, ct).ConfigureAwait(false);
            }
        }
    }

    // The commission of the market order a triggered stop-loss or take-profit placed; 0 when it cannot be told.
    private async Task<decimal> ChildCommissionAsync(BinanceTradingClient trading, AlgoOrderResponse a, CancellationToken ct) =>
        a.Symbol is { Length: > 0 } symbol && long.TryParse(a.ActualOrderId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var child) && child > 0
            ? await trading.GetOrderCommissionAsync(symbol, child, asset, ct).ConfigureAwait(false) ?? 0m
            : 0m;

    private DateTimeOffset Time(long ms) => ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : time.GetUtcNow();
}
