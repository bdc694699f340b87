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

    // The figures live here; the immutable view handed out is built only when asked for (a risk check, the journal),
    // so rolling to a new day allocates nothing.
    private DateOnly _day = DateOnly.MinValue;
    private decimal _startEquity;
    private decimal _realizedPnl;
    private int _tradesOpened;
    private int _tradesClosed;
    private int _consecutiveLosses;
    private DailyStatsView? _view;

    public DailyStatsView Today => _view ??= new DailyStatsView(_day, _startEquity, _realizedPnl, _tradesOpened, _tradesClosed, _consecutiveLosses);

    /// <summary>Moves to the UTC day of <paramref name="now"/>; returns whether a new day started.</summary>
    public bool Roll(DateTimeOffset now, decimal equity)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day == _day)
        {
            return false;
        }

        if (_day == DateOnly.MinValue && _resume is { } saved && saved.Day <= day)
        {
            _resume = null;
            if (saved.Day == day)
            {
                Set(saved.Day, saved.StartEquity, saved.RealizedPnl, saved.TradesOpened, saved.TradesClosed, saved.ConsecutiveLosses);
            }
            else
            {
                Set(day, equity, 0m, 0, 0, saved.ConsecutiveLosses);
            }

            Save();
            return true;
        }

        Set(day, equity, 0m, 0, 0, _consecutiveLosses);
        Save();
        return true;
    }

    public void PositionOpened()
    {
        Set(_day, _startEquity, _realizedPnl, _tradesOpened + 1, _tradesClosed, _consecutiveLosses);
        Save();
    }

    public void TradeClosed(decimal netPnl)
    {
        Set(_day, _startEquity, _realizedPnl + netPnl, _tradesOpened, _tradesClosed + 1, netPnl < 0 ? _consecutiveLosses + 1 : 0);
        Save();
    }

    /// <summary>Writes today's row (the same as <c>store.UpsertDailyStats(runId, Today)</c>, without a view).</summary>
    public void WriteTo(State.StateStore store, long runId) =>
        store.UpsertDailyStats(runId, _day, _startEquity, _realizedPnl, _tradesOpened, _tradesClosed, _consecutiveLosses);

    private void Set(DateOnly day, decimal startEquity, decimal realizedPnl, int tradesOpened, int tradesClosed, int consecutiveLosses)
    {
        _day = day;
        _startEquity = startEquity;
        _realizedPnl = realizedPnl;
        _tradesOpened = tradesOpened;
        _tradesClosed = tradesClosed;
        _consecutiveLosses = consecutiveLosses;
        _view = null;
    }

    private void Save()
    {
        if (journal is not null)
        {
            journal.Save(Today);
        }
    }
}
