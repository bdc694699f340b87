using Ict.Abstractions;

namespace Ict.Exchange.Binance.Streams;

/// <summary>One kline stream, with the open time of the last closed candle the consumer already has (null: none).</summary>
public sealed record KlineSubscription(Symbol Symbol, Interval Interval, DateTimeOffset? LastClosedOpenTime = null)
{
    public string StreamName => $"{Symbol.Value.ToLowerInvariant()}@kline_{Interval.Code}";
}
