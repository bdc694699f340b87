namespace Ict.Engine.State;

/// <summary>
/// What a live run carries over from earlier runs of the same mode: positions still open and orders still working
/// (intent or new). Carried rows are marked in their old run, so the next start does not carry them twice.
/// </summary>
public sealed partial class StateStore
{
    public IReadOnlyList<CarriedPosition> OpenPositionsBefore(long runId, string mode) =>
        Query<CarriedPosition>(
            """
            SELECT p.run_id AS RunId, p.signal_id AS SignalId, p.strategy_id AS StrategyId, p.symbol AS Symbol, p.side AS Side,
                p.quantity AS Quantity, p.entry_price AS EntryPrice, p.stop_loss AS StopLoss, p.take_profit AS TakeProfit,
                p.leverage AS Leverage, p.entry_fee AS EntryFee, p.opened_time AS OpenedTime
            FROM positions p JOIN runs r ON r.id = p.run_id
            WHERE p.run_id < @runId AND r.mode = @mode AND p.status = 'open' ORDER BY p.id
            """,
            new { runId, mode });

    public IReadOnlyList<CarriedOrder> WorkingOrdersBefore(long runId, string mode) =>
        Query<CarriedOrder>(
            """
            SELECT o.run_id AS RunId, o.client_order_id AS ClientOrderId, o.signal_id AS SignalId, o.role AS Role, o.symbol AS Symbol,
                o.side AS Side, o.type AS Type, o.quantity AS Quantity, o.trigger_price AS TriggerPrice, o.reduce_only AS ReduceOnly,
                o.status AS Status, o.created_time AS CreatedTime, o.intent_wall_utc AS IntentWallUtc,
                s.strategy_id AS StrategyId, s.side AS SignalSide, s.entry_price AS SignalEntry, s.stop_loss AS SignalStop,
                s.take_profit AS SignalTarget, s.confidence AS Confidence, s.reason AS Reason, s.leverage AS Leverage
            FROM orders o JOIN runs r ON r.id = o.run_id
                LEFT JOIN signals s ON s.run_id = o.run_id AND s.signal_id = o.signal_id
            WHERE o.run_id < @runId AND r.mode = @mode AND o.status IN ('Intent', 'New') ORDER BY o.id
            """,
            new { runId, mode });

    /// <summary>
    /// Records the exchange's acknowledgement of an order: its id there (orderId, or algoId for a stop-loss or
    /// take-profit) and when the acknowledgement arrived. Written even when the order has already finished (a fill can
    /// arrive on the stream before the order's REST response).
    /// </summary>
    public void RecordAcknowledgement(long runId, string clientOrderId, string exchangeOrderId, DateTimeOffset time) =>
        Execute(
            "UPDATE orders SET exchange_order_id = @exchangeOrderId, acknowledged_time = @time WHERE run_id = @runId AND client_order_id = @clientOrderId",
            new { runId, clientOrderId, exchangeOrderId, time = Ms(time) });

    /// <summary>Marks what was carried into <paramref name="runId"/> (or settled) so it is never carried again.</summary>
    public void MarkCarried(long runId, string mode, DateTimeOffset time)
    {
        var note = $"carried to run {runId}";
        Execute(
            "UPDATE positions SET status = 'carried', closed_time = @time WHERE run_id < @runId AND status = 'open' AND run_id IN (SELECT id FROM runs WHERE mode = @mode)",
            new { runId, mode, time = Ms(time) });
        Execute(
            "UPDATE orders SET status = 'Canceled', status_reason = @note, updated_time = @time WHERE run_id < @runId AND status IN ('Intent', 'New') AND run_id IN (SELECT id FROM runs WHERE mode = @mode)",
            new { runId, mode, note, time = Ms(time) });
    }
}

/// <summary>A position left open by an earlier run.</summary>
public sealed record CarriedPosition
{
    public long RunId { get; init; }
    public string SignalId { get; init; } = "";
    public string StrategyId { get; init; } = "";
    public string Symbol { get; init; } = "";
    public string Side { get; init; } = "";
    public string Quantity { get; init; } = "";
    public string EntryPrice { get; init; } = "";
    public string? StopLoss { get; init; }
    public string? TakeProfit { get; init; }
    public long Leverage { get; init; }
    public string EntryFee { get; init; } = "";
    public long OpenedTime { get; init; }
}

/// <summary>An order an earlier run left working (intent or new), with its signal.</summary>
public sealed record CarriedOrder
{
    public long RunId { get; init; }
    public string ClientOrderId { get; init; } = "";
    public string SignalId { get; init; } = "";
    public string Role { get; init; } = "";
    public string Symbol { get; init; } = "";
    public string Side { get; init; } = "";
    public string Type { get; init; } = "";
    public string Quantity { get; init; } = "";
    public string? TriggerPrice { get; init; }
    public long ReduceOnly { get; init; }
    public string Status { get; init; } = "";
    public long CreatedTime { get; init; }

    /// <summary>When the intent was first handed to the exchange's sender, wall clock (ISO 8601); null in older rows.</summary>
    public string? IntentWallUtc { get; init; }
    public string? StrategyId { get; init; }
    public string? SignalSide { get; init; }
    public string? SignalEntry { get; init; }
    public string? SignalStop { get; init; }
    public string? SignalTarget { get; init; }
    public double? Confidence { get; init; }
    public string? Reason { get; init; }
    public long? Leverage { get; init; }
}
