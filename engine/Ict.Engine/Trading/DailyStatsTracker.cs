using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>
/// Today's figures; a new UTC day starts at 00:00 with the equity of that moment. With a journal, every change is
/// saved per account, and a start later the same UTC day resumes that day's loss, trade counts and losing streak
/// (a start on a later day keeps only the losing streak, which counts across days).
/// </summary>
internal sealed class DailyStatsTracker(AccountDayJournal? journal = null)
{
    private DailyStatsView? _resume = journal?.Latest();

    public DailyStatsView Today { get; private set; } = new(DateOnly.MinValue, 0m, 0m, 0, 0, 0);

    /// <summary>Moves to the UTC day of <paramref name="now"/>; returns whether a new day started.</summary>
    public bool Roll(DateTimeOffset now, decimal equity)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day == Today.Day)
        {
            return false;
        }

        if (Today.Day == DateOnly.MinValue && _resume is { } saved && saved.Day <= day)
        {
            _resume = null;
            Today = saved.Day == day ? saved : new DailyStatsView(day, equity, 0m, 0, 0, saved.ConsecutiveLosses);
            Save();
            return true;
        }

        Today = new DailyStatsView(day, equity, 0m, 0, 0, Today.ConsecutiveLosses);
        Save();
        return true;
    }

    public void PositionOpened()
    {
        Today = Today with { TradesOpened = Today.TradesOpened + 1 };
        Save();
    }

    public void TradeClosed(decimal netPnl)
    {
        Today = Today with
        {
            RealizedPnl = Today.RealizedPnl + netPnl,
            TradesClosed = Today.TradesClosed + 1,
            ConsecutiveLosses = netPnl < 0 ? Today.ConsecutiveLosses + 1 : 0,
        };
        Save();
    }

    private void Save() => journal?.Save(Today);
}
