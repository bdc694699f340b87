namespace Ict.Engine.State;

/// <summary>
/// The schema, as numbered migrations applied in order and recorded in <c>schema_migrations</c>. Never edit a
/// migration that has shipped: add the next number. Times are engine time in Unix milliseconds (<c>*_time</c>);
/// the only wall-clock columns are named <c>*_wall_utc</c>. Prices and quantities are exact decimal text.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "initial schema", """
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                mode TEXT NOT NULL,
                feed TEXT NOT NULL,
                config_sha256 TEXT NOT NULL,
                asset TEXT NOT NULL,
                starting_balance TEXT NOT NULL,
                balance TEXT NOT NULL,
                peak_equity TEXT NOT NULL,
                status TEXT NOT NULL,
                first_candle_time INTEGER,
                last_candle_time INTEGER,
                summary_json TEXT,
                started_wall_utc TEXT NOT NULL
            );
            CREATE TABLE candles (
                symbol TEXT NOT NULL,
                interval TEXT NOT NULL,
                open_time INTEGER NOT NULL,
                open TEXT NOT NULL,
                high TEXT NOT NULL,
                low TEXT NOT NULL,
                close TEXT NOT NULL,
                volume TEXT NOT NULL,
                PRIMARY KEY (symbol, interval, open_time)
            ) WITHOUT ROWID;
            CREATE TABLE patterns (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                strategy_id TEXT NOT NULL,
                pattern_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                direction TEXT NOT NULL,
                symbol TEXT NOT NULL,
                interval TEXT NOT NULL,
                top TEXT NOT NULL,
                bottom TEXT NOT NULL,
                pattern_time INTEGER NOT NULL,
                detected_time INTEGER NOT NULL,
                touches INTEGER NOT NULL,
                filled_percent TEXT NOT NULL,
                state TEXT NOT NULL,
                ended_time INTEGER,
                end_reason TEXT,
                PRIMARY KEY (run_id, strategy_id, pattern_id)
            );
            CREATE TABLE signals (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                signal_id TEXT NOT NULL,
                strategy_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                entry_price TEXT NOT NULL,
                stop_loss TEXT NOT NULL,
                take_profit TEXT NOT NULL,
                confidence REAL NOT NULL,
                reason TEXT NOT NULL,
                pattern_ids TEXT NOT NULL,
                time INTEGER NOT NULL,
                decision TEXT,
                rejection_reason TEXT,
                detail TEXT,
                quantity TEXT,
                leverage INTEGER,
                UNIQUE (run_id, signal_id)
            );
            CREATE TABLE orders (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                client_order_id TEXT NOT NULL,
                signal_id TEXT NOT NULL,
                role TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                type TEXT NOT NULL,
                quantity TEXT NOT NULL,
                trigger_price TEXT,
                reduce_only INTEGER NOT NULL,
                status TEXT NOT NULL,
                status_reason TEXT,
                created_time INTEGER NOT NULL,
                updated_time INTEGER NOT NULL,
                UNIQUE (run_id, client_order_id)
            );
            CREATE TABLE fills (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                client_order_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                quantity TEXT NOT NULL,
                price TEXT NOT NULL,
                fee TEXT NOT NULL,
                time INTEGER NOT NULL
            );
            CREATE TABLE positions (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                signal_id TEXT NOT NULL,
                strategy_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                quantity TEXT NOT NULL,
                entry_price TEXT NOT NULL,
                stop_loss TEXT,
                take_profit TEXT,
                leverage INTEGER NOT NULL,
                entry_fee TEXT NOT NULL,
                opened_time INTEGER NOT NULL,
                closed_time INTEGER,
                status TEXT NOT NULL,
                UNIQUE (run_id, signal_id)
            );
            CREATE TABLE trades (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                signal_id TEXT NOT NULL,
                strategy_id TEXT NOT NULL,
                symbol TEXT NOT NULL,
                side TEXT NOT NULL,
                quantity TEXT NOT NULL,
                entry_price TEXT NOT NULL,
                exit_price TEXT NOT NULL,
                opened_time INTEGER NOT NULL,
                closed_time INTEGER NOT NULL,
                gross_pnl TEXT NOT NULL,
                fees TEXT NOT NULL,
                net_pnl TEXT NOT NULL,
                funding TEXT NOT NULL,
                initial_risk TEXT NOT NULL,
                exit_reason TEXT NOT NULL
            );
            CREATE TABLE daily_stats (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                day TEXT NOT NULL,
                start_equity TEXT NOT NULL,
                realized_pnl TEXT NOT NULL,
                trades_opened INTEGER NOT NULL,
                trades_closed INTEGER NOT NULL,
                consecutive_losses INTEGER NOT NULL,
                PRIMARY KEY (run_id, day)
            );
            CREATE TABLE plugin_state (
                plugin_id TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_time INTEGER NOT NULL,
                PRIMARY KEY (plugin_id, key)
            );
            CREATE TABLE events (
                id INTEGER PRIMARY KEY,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                seq INTEGER NOT NULL,
                time INTEGER NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL
            );
            CREATE INDEX ix_orders_run_status ON orders(run_id, status);
            CREATE INDEX ix_trades_run ON trades(run_id);
            CREATE INDEX ix_events_run_seq ON events(run_id, seq);
            """),
        (2, "notification outbox and per-account daily stats", """
            CREATE TABLE notification_outbox (
                id INTEGER PRIMARY KEY,
                notifier_key TEXT NOT NULL,
                payload TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                created_time INTEGER NOT NULL
            );
            CREATE INDEX ix_outbox_notifier ON notification_outbox(notifier_key, id);
            CREATE TABLE account_daily_stats (
                account TEXT NOT NULL,
                day TEXT NOT NULL,
                start_equity TEXT NOT NULL,
                realized_pnl TEXT NOT NULL,
                trades_opened INTEGER NOT NULL,
                trades_closed INTEGER NOT NULL,
                consecutive_losses INTEGER NOT NULL,
                PRIMARY KEY (account, day)
            );
            """),
        (3, "the exchange's acknowledgement of an order, when its intent was handed over, and estimated exits", """
            ALTER TABLE orders ADD COLUMN exchange_order_id TEXT;
            ALTER TABLE orders ADD COLUMN acknowledged_time INTEGER;
            ALTER TABLE orders ADD COLUMN intent_wall_utc TEXT;
            ALTER TABLE trades ADD COLUMN exit_estimated INTEGER NOT NULL DEFAULT 0;
            """),
    ];
}
