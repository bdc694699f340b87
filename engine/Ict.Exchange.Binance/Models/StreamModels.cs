using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ict.Exchange.Binance.Models;

// WebSocket payloads. Binance uses one-letter keys where case matters ("e" vs "E", "t" vs "T"), so every
// property is named explicitly.

/// <summary>A combined-stream frame: {"stream":..., "data":{...}}.</summary>
public sealed record StreamFrame(
    [property: JsonPropertyName("stream")] string? Stream,
    [property: JsonPropertyName("data")] JsonElement Data);

public sealed record KlineEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("k")] KlinePayload Kline);

public sealed record KlinePayload(
    [property: JsonPropertyName("t")] long OpenTime,
    [property: JsonPropertyName("T")] long CloseTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("i")] string Interval,
    [property: JsonPropertyName("o")] decimal Open,
    [property: JsonPropertyName("c")] decimal Close,
    [property: JsonPropertyName("h")] decimal High,
    [property: JsonPropertyName("l")] decimal Low,
    [property: JsonPropertyName("v")] decimal Volume,
    [property: JsonPropertyName("n")] long Trades,
    [property: JsonPropertyName("x")] bool IsClosed);

public sealed record OrderTradeUpdateEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("T")] long TransactionTime,
    [property: JsonPropertyName("o")] OrderUpdatePayload Order);

public sealed record OrderUpdatePayload(
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("c")] string ClientOrderId,
    [property: JsonPropertyName("S")] string Side,
    [property: JsonPropertyName("o")] string OrderType,
    [property: JsonPropertyName("q")] decimal Quantity,
    [property: JsonPropertyName("p")] decimal Price,
    [property: JsonPropertyName("ap")] decimal AveragePrice,
    [property: JsonPropertyName("x")] string ExecutionType,
    [property: JsonPropertyName("X")] string Status,
    [property: JsonPropertyName("i")] long OrderId,
    [property: JsonPropertyName("l")] decimal LastFilledQuantity,
    [property: JsonPropertyName("z")] decimal CumulativeFilledQuantity,
    [property: JsonPropertyName("L")] decimal LastFilledPrice,
    [property: JsonPropertyName("N")] string? CommissionAsset,
    [property: JsonPropertyName("n")] decimal Commission,
    [property: JsonPropertyName("T")] long TradeTime,
    [property: JsonPropertyName("t")] long TradeId,
    [property: JsonPropertyName("R")] bool ReduceOnly,
    [property: JsonPropertyName("ps")] string? PositionSide,
    [property: JsonPropertyName("rp")] decimal RealizedProfit);

public sealed record AccountUpdateEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("T")] long TransactionTime,
    [property: JsonPropertyName("a")] AccountUpdatePayload Account);

/// <summary>
/// The "a" object of ACCOUNT_UPDATE. Only changed assets and positions are pushed: a funding fee on a cross position
/// comes "with only the balance B ... without any position P message", so a missing B or P reads as empty.
/// </summary>
public sealed record AccountUpdatePayload(
    [property: JsonPropertyName("m")] string Reason,
    IReadOnlyList<AccountBalanceUpdate>? Balances,
    IReadOnlyList<AccountPositionUpdate>? Positions)
{
    [JsonPropertyName("B")]
    public IReadOnlyList<AccountBalanceUpdate> Balances { get; init; } = Balances ?? [];

    [JsonPropertyName("P")]
    public IReadOnlyList<AccountPositionUpdate> Positions { get; init; } = Positions ?? [];
}

public sealed record AccountBalanceUpdate(
    [property: JsonPropertyName("a")] string Asset,
    [property: JsonPropertyName("wb")] decimal WalletBalance,
    [property: JsonPropertyName("cw")] decimal CrossWalletBalance,
    [property: JsonPropertyName("bc")] decimal BalanceChange);

public sealed record AccountPositionUpdate(
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("pa")] decimal Amount,
    [property: JsonPropertyName("ep")] decimal EntryPrice,
    [property: JsonPropertyName("bep")] decimal BreakEvenPrice,
    [property: JsonPropertyName("cr")] decimal AccumulatedRealized,
    [property: JsonPropertyName("up")] decimal UnrealizedPnl,
    [property: JsonPropertyName("mt")] string? MarginType,
    [property: JsonPropertyName("ps")] string PositionSide);

public sealed record AlgoUpdateEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("T")] long TransactionTime,
    [property: JsonPropertyName("o")] AlgoUpdatePayload Order);

public sealed record AlgoUpdatePayload(
    [property: JsonPropertyName("caid")] string ClientAlgoId,
    [property: JsonPropertyName("aid")] long AlgoId,
    [property: JsonPropertyName("at")] string? AlgoType,
    [property: JsonPropertyName("o")] string OrderType,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("S")] string Side,
    [property: JsonPropertyName("q")] decimal Quantity,
    [property: JsonPropertyName("X")] string Status,
    [property: JsonPropertyName("ai")] string? ActualOrderId,
    [property: JsonPropertyName("ap")] decimal AveragePrice,
    [property: JsonPropertyName("aq")] decimal ExecutedQuantity,
    [property: JsonPropertyName("act")] string? ActualType,
    [property: JsonPropertyName("tp")] decimal TriggerPrice,
    [property: JsonPropertyName("p")] decimal Price,
    [property: JsonPropertyName("R")] bool ReduceOnly,
    [property: JsonPropertyName("cp")] bool ClosePosition,
    [property: JsonPropertyName("tt")] long TriggerTime,
    [property: JsonPropertyName("rm")] string? FailureReason);

public sealed record ListenKeyExpiredEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("listenKey")] string? ListenKey);
