using System.Text.Json.Serialization;

namespace Ict.Exchange.Binance.Models;

/// <summary>GET /fapi/v2 or v3 /account (the fields the engine reads).</summary>
public sealed record AccountInfoResponse(
    decimal TotalWalletBalance,
    decimal TotalUnrealizedProfit,
    decimal TotalMarginBalance,
    decimal AvailableBalance,
    decimal MaxWithdrawAmount,
    IReadOnlyList<AccountAsset> Assets);

public sealed record AccountAsset(string Asset, decimal WalletBalance, decimal UnrealizedProfit, decimal AvailableBalance, long UpdateTime);

/// <summary>GET /fapi/v1/userTrades row.</summary>
public sealed record UserTrade(
    string Symbol, long Id, long OrderId, string Side, decimal Price, decimal Qty, decimal RealizedPnl,
    decimal QuoteQty, decimal Commission, string? CommissionAsset, long Time, string? PositionSide, bool Maker, bool Buyer);

/// <summary>GET /fapi/v1/depth.</summary>
public sealed record DepthResponse(
    long LastUpdateId,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("T")] long TransactionTime,
    IReadOnlyList<IReadOnlyList<decimal>> Bids,
    IReadOnlyList<IReadOnlyList<decimal>> Asks);

/// <summary>TRADE_LITE (a lighter fill event).</summary>
public sealed record TradeLiteEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("c")] string ClientOrderId,
    [property: JsonPropertyName("S")] string Side,
    [property: JsonPropertyName("L")] decimal LastFilledPrice,
    [property: JsonPropertyName("l")] decimal LastFilledQuantity,
    [property: JsonPropertyName("i")] long OrderId);

/// <summary>ACCOUNT_CONFIG_UPDATE (leverage change in "ac").</summary>
public sealed record AccountConfigUpdateEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("ac")] LeverageConfig? Leverage);

public sealed record LeverageConfig([property: JsonPropertyName("s")] string Symbol, [property: JsonPropertyName("l")] int Leverage);

/// <summary>MARGIN_CALL.</summary>
public sealed record MarginCallEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("cw")] decimal CrossWalletBalance,
    [property: JsonPropertyName("p")] IReadOnlyList<MarginCallPosition> Positions);

public sealed record MarginCallPosition(
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("ps")] string PositionSide,
    [property: JsonPropertyName("pa")] decimal Amount,
    [property: JsonPropertyName("mp")] decimal MarkPrice,
    [property: JsonPropertyName("mm")] decimal MaintenanceMargin);

/// <summary>CONDITIONAL_ORDER_TRIGGER_REJECT (deprecated since 2025-12-15; reasons now come in ALGO_UPDATE).</summary>
public sealed record ConditionalTriggerRejectEvent(
    [property: JsonPropertyName("e")] string EventType,
    [property: JsonPropertyName("E")] long EventTime,
    [property: JsonPropertyName("or")] ConditionalReject Reject);

public sealed record ConditionalReject(
    [property: JsonPropertyName("s")] string Symbol,
    [property: JsonPropertyName("i")] long OrderId,
    [property: JsonPropertyName("r")] string Reason);
