namespace Ict.Abstractions;

/// <summary>The account's figures for one UTC day; they roll over at 00:00 UTC.</summary>
/// <param name="Day">The UTC date.</param>
/// <param name="StartEquity">The equity at the start of the day (or when the engine first saw the day).</param>
/// <param name="RealizedPnl">The net profit or loss of the trades closed today.</param>
/// <param name="TradesOpened">The positions opened today.</param>
/// <param name="TradesClosed">The positions closed today.</param>
/// <param name="ConsecutiveLosses">Losing trades in a row, counted across days, reset by a winner.</param>
public sealed record DailyStatsView(
    DateOnly Day,
    decimal StartEquity,
    decimal RealizedPnl,
    int TradesOpened,
    int TradesClosed,
    int ConsecutiveLosses);
