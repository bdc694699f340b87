namespace Ict.Engine.State;

public sealed partial class StateStore
{
    public IReadOnlyList<TradeRecord> GetTrades(long runId) =>
        Query<TradeRecord>(
            """
            SELECT id AS Id, run_id AS RunId, signal_id AS SignalId, strategy_id AS StrategyId,
                symbol AS Symbol, side AS Side, quantity AS Quantity, entry_price AS EntryPrice, exit_price AS ExitPrice,
                opened_time AS OpenedTime, closed_time AS ClosedTime, gross_pnl AS GrossPnl, fees AS Fees,
                net_pnl AS NetPnl, initial_risk AS InitialRisk, exit_reason AS ExitReason
            FROM trades WHERE run_id = @runId ORDER BY id
            """,
            new { runId });

    public IReadOnlyList<PatternRecord> GetPatterns(long runId) =>
        Query<PatternRecord>(
            """
            SELECT kind AS Kind, direction AS Direction, symbol AS Symbol, top AS Top, bottom AS Bottom,
                pattern_time AS PatternTime, detected_time AS DetectedTime, ended_time AS EndedTime, end_reason AS EndReason
            FROM patterns WHERE run_id = @runId ORDER BY detected_time, pattern_id
            """,
            new { runId });

    public long CountRows(string table, long runId) =>
        table is "orders" or "fills" or "positions" or "trades" or "signals" or "patterns" or "events" or "daily_stats"
            ? ExecuteScalar<long>($"SELECT COUNT(*) FROM {table} WHERE run_id = @runId", new { runId })
            : throw new ArgumentException($"unknown table {table}", nameof(table));
}

/// <summary>A trade row as stored: decimals as their exact text, times as engine Unix milliseconds.</summary>
public sealed record TradeRecord
{
    public long Id { get; init; }

    public long RunId { get; init; }

    public string SignalId { get; init; } = "";

    public string StrategyId { get; init; } = "";

    public string Symbol { get; init; } = "";

    public string Side { get; init; } = "";

    public string Quantity { get; init; } = "";

    public string EntryPrice { get; init; } = "";

    public string ExitPrice { get; init; } = "";

    public long OpenedTime { get; init; }

    public long ClosedTime { get; init; }

    public string GrossPnl { get; init; } = "";

    public string Fees { get; init; } = "";

    public string NetPnl { get; init; } = "";

    public string InitialRisk { get; init; } = "";

    public string ExitReason { get; init; } = "";
}

/// <summary>A stored pattern, for reports.</summary>
public sealed record PatternRecord
{
    public string Kind { get; init; } = "";

    public string Direction { get; init; } = "";

    public string Symbol { get; init; } = "";

    public string Top { get; init; } = "";

    public string Bottom { get; init; } = "";

    public long PatternTime { get; init; }

    public long DetectedTime { get; init; }

    public long? EndedTime { get; init; }

    public string? EndReason { get; init; }
}
