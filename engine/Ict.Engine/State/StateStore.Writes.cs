using System.Text.Json;
using Ict.Abstractions;

namespace Ict.Engine.State;

public sealed partial class StateStore
{
    public long StartRun(string mode, string feed, string configSha256, string asset, decimal startingBalance) =>
        ExecuteScalar<long>(
            """
            INSERT INTO runs (mode, feed, config_sha256, asset, starting_balance, balance, peak_equity, status, started_wall_utc)
            VALUES (@mode, @feed, @configSha256, @asset, @balance, @balance, @balance, 'running', @wall)
            RETURNING id
            """,
            new { mode, feed, configSha256, asset, balance = Text(startingBalance), wall = WallClockUtc() });

    public void UpdateRunAccount(long runId, decimal balance, decimal peakEquity, DateTimeOffset? firstCandle, DateTimeOffset lastCandle) =>
        ExecuteCoalesced(
            new CoalesceKey("runs", null, runId),
            """
            UPDATE runs SET balance = @balance, peak_equity = @peak,
                first_candle_time = COALESCE(first_candle_time, @first), last_candle_time = @last
            WHERE id = @runId
            """,
            RunAccountRow.Rent(runId, balance, peakEquity, firstCandle, lastCandle));

    public void FinishRun(long runId, string status, string summaryJson) =>
        Execute("UPDATE runs SET status = @status, summary_json = @summaryJson WHERE id = @runId", new { runId, status, summaryJson });

    public void InsertCandle(Candle candle) =>
        Execute(
            """
            INSERT OR IGNORE INTO candles (symbol, interval, open_time, open, high, low, close, volume)
            VALUES (@symbol, @interval, @openTime, @open, @high, @low, @close, @volume)
            """,
            new
            {
                symbol = candle.Symbol.Value,
                interval = candle.Interval.Code,
                openTime = Ms(candle.OpenTime),
                open = Text(candle.Open),
                high = Text(candle.High),
                low = Text(candle.Low),
                close = Text(candle.Close),
                volume = Text(candle.Volume),
            });

    public void UpsertPattern(long runId, string strategyId, Pattern pattern) =>
        ExecuteCoalesced(new CoalesceKey(strategyId, pattern.Id, 0), UpsertPatternSql, PatternRow.Rent(runId, strategyId, pattern));

    /// <summary>
    /// Writes a pattern's final state (a backtest's ended pattern): the same upsert, without looking for a queued
    /// write of the same pattern to replace (there is rarely one, and a later upsert still wins, in order).
    /// </summary>
    public void UpsertFinalPattern(long runId, string strategyId, Pattern pattern) =>
        Execute(UpsertPatternSql, PatternRow.Rent(runId, strategyId, pattern));

    private const string UpsertPatternSql =
        """
        INSERT INTO patterns (run_id, strategy_id, pattern_id, kind, direction, symbol, interval, top, bottom,
            pattern_time, detected_time, touches, filled_percent, state, ended_time, end_reason)
        VALUES (@runId, @strategyId, @id, @kind, @direction, @symbol, @interval, @top, @bottom,
            @patternTime, @detectedTime, @touches, @filled, @state, @endedTime, @endReason)
        ON CONFLICT (run_id, strategy_id, pattern_id) DO UPDATE SET
            top = excluded.top, bottom = excluded.bottom, touches = excluded.touches,
            filled_percent = excluded.filled_percent, state = excluded.state,
            ended_time = excluded.ended_time, end_reason = excluded.end_reason
        """;

    public void InsertSignal(long runId, string signalId, string strategyId, EntrySignal signal, DateTimeOffset time)
    {
        var row = new SignalRow
        {
            runId = runId,
            signalId = signalId,
            strategyId = strategyId,
            symbol = signal.Symbol.Value,
            side = Name(signal.Side),
            entry = Text(signal.EntryPrice),
            stop = Text(signal.StopLoss),
            target = Text(signal.TakeProfit),
            confidence = signal.Confidence,
            reason = signal.Reason,
            patterns = JsonSerializer.Serialize(signal.PatternIds),
            time = Ms(time),
        };
        ExecuteAmendable(
            new CoalesceKey("signals", signalId, runId),
            """
            INSERT INTO signals (run_id, signal_id, strategy_id, symbol, side, entry_price, stop_loss, take_profit,
                confidence, reason, pattern_ids, time, decision, rejection_reason, detail, quantity, leverage)
            VALUES (@runId, @signalId, @strategyId, @symbol, @side, @entry, @stop, @target, @confidence, @reason, @patterns, @time,
                @decision, @rejectionReason, @detail, @quantity, @leverage)
            """,
            row);
    }

    public void RecordSignalDecision(long runId, string signalId, RiskDecision decision)
    {
        var decided = decision.IsApproved ? "approved" : "rejected";
        var reason = decision.Reason?.ToString();
        var quantity = decision.IsApproved ? Text(decision.Quantity) : null;
        var leverage = decision.IsApproved ? decision.Leverage : (int?)null;
        if (Queued<SignalRow>(new CoalesceKey("signals", signalId, runId)) is { } queued)
        {
            // The insert is still waiting for the writer: it carries the decision, no UPDATE row behind it.
            (queued.decision, queued.rejectionReason, queued.detail, queued.quantity, queued.leverage) = (decided, reason, decision.Detail, quantity, leverage);
            return;
        }

        Execute(
            """
            UPDATE signals SET decision = @decided, rejection_reason = @reason, detail = @detail,
                quantity = @quantity, leverage = @leverage
            WHERE run_id = @runId AND signal_id = @signalId
            """,
            new { runId, signalId, decided, reason, detail = decision.Detail, quantity, leverage });
    }

    /// <param name="intentWall">
    /// For an exchange's order: the wall-clock time its intent was first handed over (<c>intent_wall_utc</c>); a
    /// restart's resend window is measured on it. Null for paper orders (a replay's rows stay free of wall time).
    /// </param>
    public void InsertOrder(long runId, string signalId, string role, OrderView order, DateTimeOffset? intentWall = null)
    {
        var row = new OrderRow
        {
            runId = runId,
            clientOrderId = order.ClientOrderId,
            signalId = signalId,
            role = role,
            symbol = order.Symbol.Value,
            side = Name(order.Side),
            type = Name(order.Type),
            quantity = Text(order.Quantity),
            trigger = Text(order.TriggerPrice),
            reduceOnly = order.ReduceOnly ? 1 : 0,
            status = Name(order.Status),
            created = Ms(order.CreatedAt),
            updated = Ms(order.UpdatedAt),
            intentWall = intentWall?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        ExecuteAmendable(
            new CoalesceKey("orders", order.ClientOrderId, runId),
            """
            INSERT INTO orders (run_id, client_order_id, signal_id, role, symbol, side, type, quantity, trigger_price,
                reduce_only, status, status_reason, created_time, updated_time, intent_wall_utc)
            VALUES (@runId, @clientOrderId, @signalId, @role, @symbol, @side, @type, @quantity, @trigger,
                @reduceOnly, @status, @statusReason, @created, @updated, @intentWall)
            """,
            row);
    }

    public void UpdateOrderStatus(long runId, string clientOrderId, OrderStatus status, DateTimeOffset time, string? reason = null)
    {
        if (Queued<OrderRow>(new CoalesceKey("orders", clientOrderId, runId)) is { } queued)
        {
            // The insert is still waiting for the writer: it takes the new status (the same COALESCE as the UPDATE).
            (queued.status, queued.statusReason, queued.updated) = (Name(status), reason ?? queued.statusReason, Ms(time));
            return;
        }

        Execute(
            """
            UPDATE orders SET status = @status, status_reason = COALESCE(@reason, status_reason), updated_time = @time
            WHERE run_id = @runId AND client_order_id = @clientOrderId
            """,
            new { runId, clientOrderId, status = Name(status), reason, time = Ms(time) });
    }

    public void InsertFill(long runId, FillView fill) =>
        Execute(
            """
            INSERT INTO fills (run_id, client_order_id, symbol, side, quantity, price, fee, time)
            VALUES (@runId, @clientOrderId, @symbol, @side, @quantity, @price, @fee, @time)
            """,
            new
            {
                runId,
                clientOrderId = fill.ClientOrderId,
                symbol = fill.Symbol.Value,
                side = Name(fill.Side),
                quantity = Text(fill.Quantity),
                price = Text(fill.Price),
                fee = Text(fill.Fee),
                time = Ms(fill.Time),
            });

    public void InsertPosition(long runId, string signalId, PositionView position, decimal entryFee) =>
        Execute(
            """
            INSERT INTO positions (run_id, signal_id, strategy_id, symbol, side, quantity, entry_price, stop_loss,
                take_profit, leverage, entry_fee, opened_time, status)
            VALUES (@runId, @signalId, @strategyId, @symbol, @side, @quantity, @entry, @stop, @target, @leverage,
                @fee, @opened, 'open')
            """,
            new
            {
                runId,
                signalId,
                strategyId = position.StrategyId,
                symbol = position.Symbol.Value,
                side = Name(position.Side),
                quantity = Text(position.Quantity),
                entry = Text(position.EntryPrice),
                stop = Text(position.StopLoss),
                target = Text(position.TakeProfit),
                leverage = position.Leverage,
                fee = Text(entryFee),
                opened = Ms(position.OpenedAt),
            });

    /// <param name="exitEstimated">
    /// The exit price and time are an estimate (<c>trades.exit_estimated</c> = 1): the position was closed on the
    /// exchange by something other than our orders while the engine was down, and its real fill is unknown.
    /// </param>
    public void InsertTrade(long runId, string signalId, TradeView trade, decimal initialRisk, decimal funding, bool exitEstimated = false)
    {
        Execute("UPDATE positions SET status = 'closed', closed_time = @time WHERE run_id = @runId AND signal_id = @signalId", new { runId, signalId, time = Ms(trade.ClosedAt) });
        Execute(
            """
            INSERT INTO trades (run_id, signal_id, strategy_id, symbol, side, quantity, entry_price,
                exit_price, opened_time, closed_time, gross_pnl, fees, net_pnl, funding, initial_risk, exit_reason, exit_estimated)
            VALUES (@runId, @signalId, @strategyId, @symbol, @side, @quantity, @entry, @exit, @opened,
                @closed, @gross, @fees, @net, @funding, @risk, @reason, @estimated)
            """,
            new
            {
                runId,
                signalId,
                strategyId = trade.StrategyId,
                symbol = trade.Symbol.Value,
                side = Name(trade.Side),
                quantity = Text(trade.Quantity),
                entry = Text(trade.EntryPrice),
                exit = Text(trade.ExitPrice),
                opened = Ms(trade.OpenedAt),
                closed = Ms(trade.ClosedAt),
                gross = Text(trade.GrossPnl),
                fees = Text(trade.Fees),
                net = Text(trade.NetPnl),
                risk = Text(initialRisk),
                funding = Text(funding),
                reason = Name(trade.ExitReason),
                estimated = exitEstimated ? 1 : 0,
            });
    }

    public void UpsertDailyStats(long runId, DailyStatsView stats) =>
        UpsertDailyStats(runId, stats.Day, stats.StartEquity, stats.RealizedPnl, stats.TradesOpened, stats.TradesClosed, stats.ConsecutiveLosses);

    /// <summary>The same write from the figures themselves (the kernel's day roll builds no view for it).</summary>
    public void UpsertDailyStats(long runId, DateOnly day, decimal startEquity, decimal realizedPnl, int tradesOpened, int tradesClosed, int consecutiveLosses) =>
        ExecuteCoalesced(
            new CoalesceKey("daily_stats", null, day.DayNumber),
            """
            INSERT INTO daily_stats (run_id, day, start_equity, realized_pnl, trades_opened, trades_closed, consecutive_losses)
            VALUES (@runId, @day, @start, @pnl, @opened, @closed, @losses)
            ON CONFLICT (run_id, day) DO UPDATE SET start_equity = excluded.start_equity,
                realized_pnl = excluded.realized_pnl, trades_opened = excluded.trades_opened,
                trades_closed = excluded.trades_closed, consecutive_losses = excluded.consecutive_losses
            """,
            DailyStatsRow.Rent(runId, day, startEquity, realizedPnl, tradesOpened, tradesClosed, consecutiveLosses));

    public void AppendEvent(long runId, long seq, DateTimeOffset time, string type, string payload) =>
        Execute(
            "INSERT INTO events (run_id, seq, time, type, payload) VALUES (@runId, @seq, @time, @type, @payload)",
            new { runId, seq, time = Ms(time), type, payload });
}
