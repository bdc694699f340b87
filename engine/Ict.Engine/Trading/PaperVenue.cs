using Ict.Abstractions;
using Ict.Engine.Configuration;

namespace Ict.Engine.Trading;

/// <summary>
/// A simulated exchange. Market entries fill at the open of the symbol's next candle (or at the signal candle's
/// close, by config) with adverse slippage and the taker fee. Stop and take-profit orders are checked intrabar
/// against each candle's low and high; a candle that opens beyond the trigger fills at its open. When one candle
/// reaches both the stop and the target, the stop fills first (the conservative assumption). Reduce-only orders
/// never open or flip a position: one that triggers while the position is flat expires.
/// </summary>
internal sealed class PaperVenue(PaperOptions options, Func<Symbol, InstrumentRules> rules) : IOrderVenue
{
    private readonly List<VenueOrder> _pendingMarket = [];
    private readonly List<VenueOrder> _working = [];
    private readonly Dictionary<Symbol, decimal> _netQuantity = [];

    public bool AcknowledgesLater => false;

    /// <summary>Accepts an order. Returns a fill when it fills at once (a signal-close entry, or an exit at a price).</summary>
    public VenueFill? Submit(VenueOrder order, decimal? immediatePrice, DateTimeOffset now)
    {
        if (order.Type == OrderType.Market)
        {
            if (immediatePrice is { } price)
            {
                return Fill(order, price, now);
            }

            _pendingMarket.Add(order);
            return null;
        }

        _working.Add(order);
        return null;
    }

    public bool Cancel(string clientOrderId) =>
        _working.RemoveAll(o => o.ClientOrderId == clientOrderId) + _pendingMarket.RemoveAll(o => o.ClientOrderId == clientOrderId) > 0;

    /// <summary>Fills the market orders waiting for this symbol's next candle, at its open.</summary>
    public IReadOnlyList<VenueFill> FillAtOpen(Candle candle)
    {
        List<VenueFill>? fills = null;
        for (var i = 0; i < _pendingMarket.Count; i++)
        {
            var order = _pendingMarket[i];
            if (order.Symbol != candle.Symbol)
            {
                continue;
            }

            _pendingMarket.RemoveAt(i--);
            (fills ??= []).Add(Fill(order, candle.Open, candle.OpenTime));
        }

        return fills ?? (IReadOnlyList<VenueFill>)[];
    }

    /// <summary>
    /// Checks working stop and take-profit orders against the candle. Fills are stamped with the candle's close
    /// time, when the engine learns of them. Returns at most one fill per symbol: once a
    /// reduce-only order has flattened the position, its sibling cannot fill on the same candle.
    /// </summary>
    public IReadOnlyList<VenueTrigger> CheckTriggers(Candle candle)
    {
        List<VenueTrigger>? result = null;
        foreach (var type in (ReadOnlySpan<OrderType>)[OrderType.StopMarket, OrderType.TakeProfitMarket])
        {
            for (var i = 0; i < _working.Count; i++)
            {
                var order = _working[i];
                if (order.Symbol != candle.Symbol || order.Type != type || TriggerFill(order, candle) is not { } price)
                {
                    continue;
                }

                _working.RemoveAt(i--);
                var net = _netQuantity.GetValueOrDefault(order.Symbol);
                var reduces = order.Side == OrderSide.Sell ? net > 0 : net < 0;
                result ??= [];
                result.Add(reduces
                    ? new VenueTrigger(order, Fill(order with { Quantity = Math.Min(order.Quantity, Math.Abs(net)) }, price, candle.CloseTime))
                    : new VenueTrigger(order, null));
            }
        }

        return result ?? (IReadOnlyList<VenueTrigger>)[];
    }

    private static decimal? TriggerFill(VenueOrder order, Candle candle)
    {
        var trigger = order.TriggerPrice!.Value;
        // A sell stop (long's stop-loss) and a buy take-profit (short's target) trigger on the way down.
        var down = (order.Type == OrderType.StopMarket) == (order.Side == OrderSide.Sell);
        if (down)
        {
            return candle.Low <= trigger ? Math.Min(candle.Open, trigger) : null;
        }

        return candle.High >= trigger ? Math.Max(candle.Open, trigger) : null;
    }

    private VenueFill Fill(VenueOrder order, decimal price, DateTimeOffset time)
    {
        var instrument = rules(order.Symbol);
        var slip = options.SlippageBps / 10_000m;
        var slipped = order.Side == OrderSide.Buy ? price * (1 + slip) : price * (1 - slip);
        var ticks = slipped / instrument.TickSize;
        var filledPrice = (order.Side == OrderSide.Buy ? Math.Ceiling(ticks) : Math.Floor(ticks)) * instrument.TickSize;
        var fee = Math.Round(filledPrice * order.Quantity * options.TakerFeeRate, 8, MidpointRounding.AwayFromZero);
        var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        _netQuantity[order.Symbol] = _netQuantity.GetValueOrDefault(order.Symbol) + signed;
        return new VenueFill(order.ClientOrderId, order.Quantity, filledPrice, fee, time);
    }
}

/// <summary>An order as the venue sees it.</summary>
internal sealed record VenueOrder(string ClientOrderId, Symbol Symbol, OrderSide Side, OrderType Type, decimal Quantity, decimal? TriggerPrice, bool ReduceOnly);

/// <summary>One execution reported by a venue.</summary>
/// <param name="FeePaidBeforeThisRun">
/// The fee was paid on the exchange before this run began (an entry that filled while the engine was down): it is
/// recorded on the position and its trade, but the balance, which is the exchange wallet, is not charged again.
/// </param>
internal sealed record VenueFill(string ClientOrderId, decimal Quantity, decimal Price, decimal Fee, DateTimeOffset Time, bool FeePaidBeforeThisRun = false);

/// <summary>A triggered conditional order: filled, or expired because there was nothing left to reduce.</summary>
internal sealed record VenueTrigger(VenueOrder Order, VenueFill? Fill);
