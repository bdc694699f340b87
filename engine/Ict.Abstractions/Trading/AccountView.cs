namespace Ict.Abstractions;

/// <summary>A read-only view of the trading account.</summary>
/// <param name="Asset">The margin asset, for example <c>USDT</c>.</param>
/// <param name="Balance">The wallet balance: deposits plus realised profit and loss, minus fees.</param>
/// <param name="Equity">The balance plus the unrealised profit and loss of open positions.</param>
/// <param name="AvailableBalance">The balance not held as margin by open positions.</param>
/// <param name="PeakEquity">The highest equity seen so far in this session.</param>
public sealed record AccountView(
    string Asset,
    decimal Balance,
    decimal Equity,
    decimal AvailableBalance,
    decimal PeakEquity);
