namespace Ict.Engine.Status;

/// <summary>
/// What <c>status.json</c> holds: a running engine's last snapshot in a stable, flat shape for <c>ict status</c>,
/// scripts and monitoring. <see cref="Pid"/> and <see cref="ProcessStartedAt"/> let a reader tell a live engine from a
/// dead one (or from an unrelated process that reused the pid).
/// </summary>
public sealed record StatusDocument
{
    /// <summary><c>running</c> while the engine runs; <c>stopped</c> once its run has ended cleanly.</summary>
    public required string State { get; init; }

    public required int Pid { get; init; }

    /// <summary>When the engine's process started (UTC), to detect a reused pid.</summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }

    /// <summary>Wall-clock time this file was written.</summary>
    public required DateTimeOffset WrittenAt { get; init; }

    /// <summary>How often the engine rewrites the file while it runs (a reader calls it stale well past this).</summary>
    public required int WriteIntervalMilliseconds { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double UptimeSeconds { get; init; }

    public required string Mode { get; init; }

    public required string Venue { get; init; }

    public required long RunId { get; init; }

    public required string Database { get; init; }

    /// <summary>The metrics endpoint, when one is served.</summary>
    public string? MetricsUrl { get; init; }

    /// <summary>The engine clock (the last candle's close).</summary>
    public DateTimeOffset? EngineTime { get; init; }

    public required string Asset { get; init; }

    public required decimal Balance { get; init; }

    public required decimal Equity { get; init; }

    public required decimal TodayPnl { get; init; }

    public required int TradesToday { get; init; }

    public int? TradesPerDayLimit { get; init; }

    public required bool KillSwitchEngaged { get; init; }

    public string? KillSwitchSource { get; init; }

    public required bool TradingPaused { get; init; }

    public required IReadOnlyList<StatusPosition> Positions { get; init; }

    public required int OpenOrders { get; init; }

    public required RunCounters Counters { get; init; }

    public double? EventLagSeconds { get; init; }

    public required long Reconnects { get; init; }

    public ActivityRow? LastError { get; init; }

    public required IReadOnlyList<PluginStatusRow> Plugins { get; init; }

    /// <summary>Flattens a snapshot; <paramref name="state"/> is <c>running</c> or <c>stopped</c>.</summary>
    public static StatusDocument From(EngineSnapshot snapshot, string state, int pid, DateTimeOffset? processStartedAt, int writeIntervalMilliseconds, string? metricsUrl)
    {
        var trading = snapshot.Trading;
        return new StatusDocument
        {
            State = state,
            Pid = pid,
            ProcessStartedAt = processStartedAt,
            WrittenAt = snapshot.TakenAt,
            WriteIntervalMilliseconds = writeIntervalMilliseconds,
            StartedAt = snapshot.StartedAt,
            UptimeSeconds = Math.Round(snapshot.Uptime.TotalSeconds, 3),
            Mode = snapshot.Mode,
            Venue = snapshot.Venue,
            RunId = snapshot.RunId,
            Database = snapshot.DatabasePath,
            MetricsUrl = metricsUrl,
            EngineTime = trading.EngineTime,
            Asset = trading.Asset,
            Balance = trading.Balance,
            Equity = trading.Equity,
            TodayPnl = trading.TodayPnl,
            TradesToday = trading.TradesToday,
            TradesPerDayLimit = trading.TradesPerDayLimit,
            KillSwitchEngaged = trading.KillSwitchEngaged,
            KillSwitchSource = trading.KillSwitchSource,
            TradingPaused = trading.TradingPaused,
            Positions = [.. trading.Positions.Select(p => new StatusPosition(
                p.Symbol.Value, p.Side.ToString().ToLowerInvariant(), p.Quantity, p.EntryPrice, p.MarkPrice, p.UnrealizedPnl, p.StopLoss, p.TakeProfit, p.StrategyId))],
            OpenOrders = trading.Orders.Count,
            Counters = trading.Counters,
            EventLagSeconds = trading.EventLag?.TotalSeconds,
            Reconnects = snapshot.Reconnects,
            LastError = trading.LastError,
            Plugins = snapshot.Plugins,
        };
    }
}

/// <summary>An open position as <c>status.json</c> shows it.</summary>
public sealed record StatusPosition(
    string Symbol,
    string Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal? StopLoss,
    decimal? TakeProfit,
    string Strategy);
