using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>Where orders go: the paper venue (synchronous fills) or Binance (Live/BinanceVenue: results come back as kernel inputs).</summary>
internal interface IOrderVenue
{
    /// <summary>Accepts an order; returns a fill when it fills at once.</summary>
    VenueFill? Submit(VenueOrder order, decimal? immediatePrice, DateTimeOffset now);

    bool Cancel(string clientOrderId);

    /// <summary>
    /// Whether the venue accepts orders later, with a <c>VenueAcknowledged</c> input (Binance): until then an order
    /// stays <see cref="OrderStatus.Intent"/>. False for the paper venue, whose orders are <c>New</c> once submitted.
    /// </summary>
    bool AcknowledgesLater { get; }

    /// <summary>Market orders waiting for this candle's open.</summary>
    IReadOnlyList<VenueFill> FillAtOpen(Candle candle);

    /// <summary>Conditional orders triggered within this candle's range.</summary>
    IReadOnlyList<VenueTrigger> CheckTriggers(Candle candle);
}
