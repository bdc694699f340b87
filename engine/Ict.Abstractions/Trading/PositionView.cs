namespace Ict.Abstractions;

/// <summary>A read-only view of an open position.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Quantity">The size in base units (always positive).</param>
/// <param name="EntryPrice">The average entry price.</param>
/// <param name="StopLoss">The stop-loss trigger price, if one is set.</param>
/// <param name="TakeProfit">The take-profit trigger price, if one is set.</param>
/// <param name="Leverage">The leverage the position was opened with.</param>
/// <param name="OpenedAt">Engine time of the entry fill.</param>
/// <param name="MarkPrice">The latest price the engine has seen.</param>
/// <param name="UnrealizedPnl">Profit or loss at <paramref name="MarkPrice"/>, before exit fees.</param>
/// <param name="StrategyId">The strategy whose signal opened it.</param>
public sealed record PositionView(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal? StopLoss,
    decimal? TakeProfit,
    int Leverage,
    DateTimeOffset OpenedAt,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    string StrategyId);
