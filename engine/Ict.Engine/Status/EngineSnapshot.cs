using Ict.Abstractions;
using Ict.Engine.Plugins;

namespace Ict.Engine.Status;

/// <summary>
/// What a running engine looks like at one moment, for the terminal UI, the status file and the metrics endpoint.
/// Immutable: the kernel builds its part between two inputs, the host adds the plugins, and readers on any thread
/// share the same object without locks.
/// </summary>
/// <param name="TakenAt">Wall-clock time the snapshot was taken.</param>
/// <param name="StartedAt">Wall-clock time the run started (uptime is <c>TakenAt - StartedAt</c>).</param>
/// <param name="Mode">paper, testnet or live.</param>
/// <param name="Venue">Where orders go and whether it is reachable, e.g. <c>paper</c> or <c>binance: connected</c>.</param>
/// <param name="RunId">The run's row in the state database.</param>
/// <param name="DatabasePath">The state database.</param>
/// <param name="Trading">The kernel's side: account, positions, orders, recent activity, counters.</param>
/// <param name="Plugins">Every plugin and script with its state and last error.</param>
public sealed record EngineSnapshot(
    DateTimeOffset TakenAt,
    DateTimeOffset StartedAt,
    string Mode,
    string Venue,
    long RunId,
    string DatabasePath,
    TradingSnapshot Trading,
    IReadOnlyList<PluginStatusRow> Plugins)
{
    public TimeSpan Uptime => TakenAt - StartedAt;

    /// <summary>
    /// Times the venue's connection was re-established this run (the Binance connector counts them; a paper venue
    /// never reconnects).
    /// </summary>
    public long Reconnects { get; init; }
}

/// <summary>The kernel's state between two inputs.</summary>
/// <param name="EngineTime">The engine clock: the close of the last candle handled (replays run ahead of the wall clock).</param>
/// <param name="Asset">The account's margin asset.</param>
/// <param name="Balance">Wallet balance: realized results and fees, without open positions.</param>
/// <param name="Equity">Balance plus the open positions' unrealized PnL at the last marks.</param>
/// <param name="TodayPnl">Equity now minus equity at the start of the UTC day.</param>
/// <param name="TradesToday">Positions opened this UTC day.</param>
/// <param name="TradesPerDayLimit">The risk manager's daily trade limit when its settings name one (<c>maxDailyTrades</c>).</param>
/// <param name="KillSwitchEngaged">Whether new entries are refused by the kill switch.</param>
/// <param name="KillSwitchSource">Who engaged it.</param>
/// <param name="TradingPaused">Whether new entries are refused because an operator paused trading.</param>
/// <param name="Positions">Open positions, by symbol.</param>
/// <param name="Orders">Orders not yet finished, the stop-loss and take-profit orders included.</param>
/// <param name="Signals">Recent signals and their risk decisions, newest first.</param>
/// <param name="Patterns">Recently detected patterns, newest first.</param>
/// <param name="Counters">What the run has done so far.</param>
/// <param name="LastError">The most recent engine error or plugin fault, if any.</param>
public sealed record TradingSnapshot(
    DateTimeOffset? EngineTime,
    string Asset,
    decimal Balance,
    decimal Equity,
    decimal TodayPnl,
    int TradesToday,
    int? TradesPerDayLimit,
    bool KillSwitchEngaged,
    string? KillSwitchSource,
    bool TradingPaused,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<ActivityRow> Signals,
    IReadOnlyList<ActivityRow> Patterns,
    RunCounters Counters,
    ActivityRow? LastError)
{
    /// <summary>
    /// Wall-clock time from the last candle's close to the kernel having handled it (in a replay, from when the
    /// replay handed it over); null before the first candle.
    /// </summary>
    public TimeSpan? EventLag { get; init; }

    /// <summary>The largest event lag of the run so far.</summary>
    public TimeSpan MaxEventLag { get; init; }
}

/// <summary>One line of recent activity.</summary>
/// <param name="Time">Engine time.</param>
/// <param name="Source">The strategy or plugin it came from.</param>
/// <param name="Symbol">The instrument, when there is one.</param>
/// <param name="Kind">A short word: <c>long</c>, <c>short</c>, <c>rejected</c>, <c>OB</c>, <c>FVG</c>, <c>error</c>…</param>
/// <param name="Text">The details a trader reads.</param>
public sealed record ActivityRow(DateTimeOffset Time, string Source, string? Symbol, string Kind, string Text);

/// <summary>Counters of the run so far (the same figures as the run summary).</summary>
public sealed record RunCounters(
    long Candles,
    long Patterns,
    long Signals,
    long RejectedSignals,
    long OrdersPlaced,
    long OrdersFilled,
    long OrdersCanceled,
    long OrdersRejected,
    long Trades,
    long PluginFaults,
    long Errors,
    IReadOnlyDictionary<string, long> RejectionsByReason);

/// <summary>A plugin or script as the operator sees it.</summary>
/// <param name="Id">The plugin id, or the script's id.</param>
/// <param name="Kind">strategy, risk, notifier or script.</param>
/// <param name="Version">The plugin's version, or the script's generation (1 for the first load).</param>
/// <param name="State">loaded, faulted, quarantined, unloaded; scripts also <c>compile error</c>.</param>
/// <param name="LastReload">Wall-clock time of the last load or reload seen by this run.</param>
/// <param name="LastError">The last failure reason or compile diagnostics.</param>
public sealed record PluginStatusRow(string Id, string Kind, string Version, string State, DateTimeOffset? LastReload, string? LastError)
{
    internal static PluginStatusRow From(PluginDescriptor plugin, DateTimeOffset? lastReload) => new(
        plugin.Id,
        plugin.Kind?.ToString().ToLowerInvariant() ?? "?",
        plugin.Version,
        plugin.State.ToString().ToLowerInvariant(),
        lastReload,
        plugin.Reason);
}
