using System.Text.Json.Serialization;

namespace Ict.Exchange.Binance.Models;

// Small response records for the REST endpoints. Property names follow Binance's camelCase fields.

public sealed record ServerTimeResponse(long ServerTime);

public sealed record CodeMessageResponse(int Code, string? Msg);

/// <summary>GET /fapi/v1/positionSide/dual: <c>{"dualSidePosition": true}</c> in Hedge Mode.</summary>
public sealed record PositionModeResponse(bool DualSidePosition);

public sealed record ListenKeyResponse(string? ListenKey);

public sealed record LeverageResponse(int Leverage, string? MaxNotionalValue, string Symbol);

public sealed record BalanceEntry(
    string? AccountAlias,
    string Asset,
    decimal Balance,
    decimal CrossWalletBalance,
    decimal CrossUnPnl,
    decimal AvailableBalance,
    decimal MaxWithdrawAmount,
    bool MarginAvailable,
    long UpdateTime);

public sealed record PositionRiskEntry(
    string Symbol,
    string PositionSide,
    decimal PositionAmt,
    decimal EntryPrice,
    decimal BreakEvenPrice,
    decimal MarkPrice,
    decimal UnRealizedProfit,
    decimal LiquidationPrice,
    decimal Notional,
    string? MarginAsset,
    decimal InitialMargin,
    decimal MaintMargin,
    string? MarginType,
    string? Leverage,
    long UpdateTime);

/// <summary>An order on /fapi/v1/order (place, query, cancel, openOrders).</summary>
public sealed record OrderResponse(
    long OrderId,
    string Symbol,
    string Status,
    string ClientOrderId,
    decimal Price,
    decimal AvgPrice,
    decimal OrigQty,
    decimal ExecutedQty,
    decimal CumQuote,
    string? TimeInForce,
    string Type,
    string? OrigType,
    string Side,
    string? PositionSide,
    bool ReduceOnly,
    bool ClosePosition,
    decimal StopPrice,
    long Time,
    long UpdateTime);

/// <summary>A conditional order on /fapi/v1/algoOrder. Cancel may answer the short form (algoId, clientAlgoId, code, msg).</summary>
public sealed record AlgoOrderResponse(
    long AlgoId,
    string? ClientAlgoId,
    string? AlgoType,
    string? OrderType,
    string? Symbol,
    string? Side,
    string? PositionSide,
    decimal Quantity,
    string? AlgoStatus,
    decimal TriggerPrice,
    decimal Price,
    string? WorkingType,
    bool ClosePosition,
    bool PriceProtect,
    bool ReduceOnly,
    string? ActualOrderId,
    decimal ActualPrice,
    decimal ActualQty,
    string? ActualType,
    long CreateTime,
    long UpdateTime,
    long TriggerTime,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string? Msg);
