using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>Today's figures; a new UTC day starts at 00:00 with the equity of that moment.</summary>
internal sealed class DailyStatsTracker
{
    public DailyStatsView Today { get; private set; } = new(DateOnly.MinValue, 0m, 0m, 0, 0, 0);

    /// <summary>Moves to the UTC day of <paramref name="now"/>; returns whether a new day started.</summary>
    public bool Roll(DateTimeOffset now, decimal equity)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (day == Today.Day)
        {
            return false;
        }

        Today = new DailyStatsView(day, equity, 0m, 0, 0, Today.ConsecutiveLosses);
        return true;
    }

    public void PositionOpened() => Today = Today with { TradesOpened = Today.TradesOpened + 1 };

    public void TradeClosed(decimal netPnl) => Today = Today with
    {
        RealizedPnl = Today.RealizedPnl + netPnl,
        TradesClosed = Today.TradesClosed + 1,
        ConsecutiveLosses = netPnl < 0 ? Today.ConsecutiveLosses + 1 : 0,
    };
}
