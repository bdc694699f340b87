using System.Globalization;
using Ict.Abstractions;

namespace Ict.Engine.State;

/// <summary>
/// Per-account daily figures (<c>account_daily_stats</c>), kept across runs so a restart mid-day resumes today's
/// loss and trade count. Written on the kernel's connection, inside its transaction.
/// </summary>
public sealed partial class StateStore
{
    public DailyStatsView? LatestAccountDay(string account) =>
        Query<AccountDayRow>(
            """
            SELECT day AS Day, start_equity AS StartEquity, realized_pnl AS RealizedPnl, trades_opened AS TradesOpened,
                   trades_closed AS TradesClosed, consecutive_losses AS ConsecutiveLosses
            FROM account_daily_stats WHERE account = @account ORDER BY day DESC LIMIT 1
            """,
            new { account })
        .Select(r => new DailyStatsView(
            DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(r.StartEquity, CultureInfo.InvariantCulture),
            decimal.Parse(r.RealizedPnl, CultureInfo.InvariantCulture),
            (int)r.TradesOpened,
            (int)r.TradesClosed,
            (int)r.ConsecutiveLosses))
        .FirstOrDefault();

    public void UpsertAccountDay(string account, DailyStatsView stats) =>
        Execute(
            """
            INSERT INTO account_daily_stats (account, day, start_equity, realized_pnl, trades_opened, trades_closed, consecutive_losses)
            VALUES (@account, @day, @start, @pnl, @opened, @closed, @losses)
            ON CONFLICT (account, day) DO UPDATE SET start_equity = excluded.start_equity,
                realized_pnl = excluded.realized_pnl, trades_opened = excluded.trades_opened,
                trades_closed = excluded.trades_closed, consecutive_losses = excluded.consecutive_losses
            """,
            new
            {
                account,
                day = stats.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                start = Text(stats.StartEquity),
                pnl = Text(stats.RealizedPnl),
                opened = stats.TradesOpened,
                closed = stats.TradesClosed,
                losses = stats.ConsecutiveLosses,
            });

    private sealed record AccountDayRow(string Day, string StartEquity, string RealizedPnl, long TradesOpened, long TradesClosed, long ConsecutiveLosses);
}
