using Ict.Abstractions;

namespace Ict.Engine.Kernel;

/// <summary>
/// What an asynchronous venue (Binance) reports about one of our orders. The venue's sender and user-data stream write
/// these into the kernel's channel; the kernel applies them on its own thread, one at a time.
/// </summary>
internal abstract record VenueInput(string ClientOrderId, DateTimeOffset Time) : KernelInput;

/// <summary>The venue accepted the order (it may already have filled; the fill comes as its own input).</summary>
internal sealed record VenueAcknowledged(string ClientOrderId, string ExchangeOrderId, DateTimeOffset Time) : VenueInput(ClientOrderId, Time);

/// <summary>The order is complete: total quantity, average price and the fees of all its executions.</summary>
internal sealed record VenueExecuted(string ClientOrderId, decimal Quantity, decimal AveragePrice, decimal Fee, DateTimeOffset Time, bool FeePaidBeforeThisRun = false)
    : VenueInput(ClientOrderId, Time);

/// <summary>The venue refused the order, for a typed reason (e.g. -2021 would trigger at once, -2019 margin).</summary>
internal sealed record VenueRefused(string ClientOrderId, VenueRefusal Refusal, string Detail, DateTimeOffset Time) : VenueInput(ClientOrderId, Time);

/// <summary>The venue ended a working order we did not ask it to end (expired, cancelled by Binance).</summary>
internal sealed record VenueEnded(string ClientOrderId, OrderStatus Status, string Detail, DateTimeOffset Time) : VenueInput(ClientOrderId, Time);

/// <summary>
/// The order's fate is unknown after every retry (network down). The sender keeps looking it up and reports the outcome
/// later (acknowledged, refused, or sent again); a crash before that leaves it to start-up reconciliation.
/// </summary>
internal sealed record VenueFailed(string ClientOrderId, string Detail, DateTimeOffset Time) : VenueInput(ClientOrderId, Time);

/// <summary>Why a venue refused an order.</summary>
internal enum VenueRefusal
{
    Other,
    WouldImmediatelyTrigger,
    MinNotional,
    InsufficientMargin,
    ReduceOnlyRejected,
}

/// <summary>
/// A closed candle from the exchange's stream (or REST backfill). <paramref name="Warmup"/> candles, fetched at
/// start-up, feed the strategies' history but are never traded.
/// </summary>
internal sealed record LiveCandleInput(Candle Candle, bool Warmup) : KernelInput;

/// <summary>The start-up reconciliation, prepared from the database and the exchange, applied by the kernel.</summary>
internal sealed record ReconcileInput(Live.ReconcilePlan Plan, TaskCompletionSource<string> Done) : KernelInput;
