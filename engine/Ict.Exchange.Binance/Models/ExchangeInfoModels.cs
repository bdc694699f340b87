namespace Ict.Exchange.Binance.Models;

public sealed record ExchangeInfoResponse(
    string? Timezone,
    long ServerTime,
    IReadOnlyList<RateLimitEntry>? RateLimits,
    IReadOnlyList<ExchangeSymbol> Symbols);

public sealed record RateLimitEntry(string RateLimitType, string Interval, int IntervalNum, int Limit);

public sealed record ExchangeSymbol(
    string Symbol,
    string? Pair,
    string? ContractType,
    string? Status,
    string? BaseAsset,
    string? QuoteAsset,
    string? MarginAsset,
    int PricePrecision,
    int QuantityPrecision,
    IReadOnlyList<SymbolFilterEntry> Filters,
    IReadOnlyList<string>? OrderTypes,
    IReadOnlyList<string>? TimeInForce);

/// <summary>One filter object; only the fields of its filterType are set (key order varies on the wire).</summary>
public sealed record SymbolFilterEntry(
    string FilterType,
    decimal MinPrice,
    decimal MaxPrice,
    decimal TickSize,
    decimal MinQty,
    decimal MaxQty,
    decimal StepSize,
    decimal Notional,
    decimal MultiplierUp,
    decimal MultiplierDown,
    int Limit);
