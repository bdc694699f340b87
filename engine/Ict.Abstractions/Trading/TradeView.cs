namespace Ict.Abstractions;

/// <summary>A read-only view of a closed trade (a position from entry to exit).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Long or short.</param>
/// <param name="Quantity">The size in base units.</param>
/// <param name="EntryPrice">The entry fill price.</param>
/// <param name="ExitPrice">The exit fill price.</param>
/// <param name="OpenedAt">Engine time of the entry fill.</param>
/// <param name="ClosedAt">Engine time of the exit fill.</param>
/// <param name="GrossPnl">Profit or loss from the price move alone.</param>
/// <param name="Fees">Entry and exit fees together.</param>
/// <param name="NetPnl">Gross profit or loss minus fees: what the balance changed by.</param>
/// <param name="ExitReason">Why it closed.</param>
/// <param name="StrategyId">The strategy whose signal opened it.</param>
public sealed record TradeView(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal ExitPrice,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    decimal GrossPnl,
    decimal Fees,
    decimal NetPnl,
    ExitReason ExitReason,
    string StrategyId);
