using Ict.Abstractions;
using Ict.Engine.State;

namespace Ict.Engine.Trading;

/// <summary>
/// Where one account's daily figures persist between engine starts (paper-on-a-live-feed, testnet, live). A replay
/// has none: each replay is its own run and starts fresh. The account key is <c>mode:asset</c>, for example
/// <c>testnet:USDT</c>.
/// </summary>
internal sealed class AccountDayJournal(StateStore store, string account)
{
    public string Account { get; } = account;

    public DailyStatsView? Latest() => store.LatestAccountDay(Account);

    public void Save(DailyStatsView today) => store.UpsertAccountDay(Account, today);
}
