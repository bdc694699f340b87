using Dapper;
using Ict.Engine.Configuration;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.Tests.Kernel;

/// <summary>Whole runs of the shipped config: bundled plugins loaded from artifacts/plugins, sample data, SQLite.</summary>
public sealed class ReplayRunTests : IDisposable
{
    private readonly TempDirectory _first = new();
    private readonly TempDirectory _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task TwoReplays_OfTheSameCandlesAndConfig_WriteIdenticalTradeRows()
    {
        var one = await RunAsync(_first);
        var two = await RunAsync(_second);

        var tradesOne = Rows(one.Database, "SELECT * FROM trades ORDER BY id");
        var tradesTwo = Rows(two.Database, "SELECT * FROM trades ORDER BY id");
        Assert.NotEmpty(tradesOne);
        Assert.Equal(tradesOne, tradesTwo);
        Assert.Equal(Rows(one.Database, "SELECT * FROM orders ORDER BY id"), Rows(two.Database, "SELECT * FROM orders ORDER BY id"));
        Assert.Equal(Rows(one.Database, "SELECT * FROM events ORDER BY id"), Rows(two.Database, "SELECT * FROM events ORDER BY id"));
    }

    [Fact]
    public async Task Replay_RecordsEveryOrderAndTrade_AndTheSummaryMatchesTheDatabase()
    {
        var run = await RunAsync(_first);
        using var db = Open(run.Database);

        var trades = db.QuerySingle<long>("SELECT COUNT(*) FROM trades");
        Assert.Equal(run.Summary.Trades, trades);
        Assert.True(trades > 0, "the shipped config must trade on the sample data");
        Assert.Equal(run.Summary.Wins, db.QuerySingle<long>("SELECT COUNT(*) FROM trades WHERE CAST(net_pnl AS REAL) > 0"));
        Assert.Equal(run.Summary.Signals, db.QuerySingle<long>("SELECT COUNT(*) FROM signals"));
        Assert.Equal(0, db.QuerySingle<long>("SELECT COUNT(*) FROM orders WHERE status NOT IN ('Filled', 'Canceled', 'Expired')"));
        Assert.Equal(trades, db.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'closed'"));
        Assert.Equal(0, db.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'open'"));
        Assert.Equal(db.QuerySingle<long>("SELECT COUNT(*) FROM orders WHERE status = 'Filled'"), db.QuerySingle<long>("SELECT COUNT(*) FROM fills"));

        var netPnl = db.Query<string>("SELECT net_pnl FROM trades").Sum(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(run.Summary.NetPnl, Math.Round(netPnl, 2));
        Assert.Equal("completed", db.QuerySingle<string>("SELECT status FROM runs"));
    }

    [Fact]
    public async Task Replay_StoresEngineTimeOnly_WithinTheSpanOfTheCandles()
    {
        var run = await RunAsync(_first);
        using var db = Open(run.Database);

        var first = db.QuerySingle<long>("SELECT MIN(open_time) FROM candles");
        var last = db.QuerySingle<long>("SELECT MAX(open_time) FROM candles") + (15 * 60 * 1000);
        string[] timeColumns =
        [
            "SELECT time FROM signals", "SELECT created_time FROM orders", "SELECT updated_time FROM orders", "SELECT time FROM fills",
            "SELECT opened_time FROM positions", "SELECT closed_time FROM trades", "SELECT time FROM events",
            "SELECT detected_time FROM patterns",
        ];
        foreach (var sql in timeColumns)
        {
            var times = db.Query<long>(sql).ToList();
            Assert.NotEmpty(times);
            Assert.All(times, t => Assert.InRange(t, first, last));
        }
    }

    [Fact]
    public async Task Replay_JournalsTheSeedEventVocabulary()
    {
        var run = await RunAsync(_first);
        using var db = Open(run.Database);

        var types = db.Query<string>("SELECT DISTINCT type FROM events").ToHashSet();

        Assert.Superset(new HashSet<string> { "OrderBlockDetected", "FvgDetected", "EntrySignal", "OrderPlaced", "OrderFilled", "PositionClosed" }, types);
        Assert.Equal(Ict.Engine.State.Migrations.All.Max(m => m.Version), db.QuerySingle<int>("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal("wal", db.QuerySingle<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task OneStrategyInstance_TradesSeveralSymbols_EachWithItsOwnPatterns()
    {
        var sample = Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv");
        var second = _first.File("ETHUSDT-15m.csv");
        File.Copy(sample, second);
        var run = await RunAsync(_first, text => text
            .Replace("\"symbols\": [ \"BTCUSDT\" ],", string.Empty, StringComparison.Ordinal)
            .Replace("\"files\": [", $"\"files\": [ {{ \"symbol\": \"ETHUSDT\", \"interval\": \"15m\", \"path\": {System.Text.Json.JsonSerializer.Serialize(second)} }},", StringComparison.Ordinal)
            .Replace("\"instruments\": [", "\"instruments\": [ { \"symbol\": \"ETHUSDT\", \"tickSize\": 0.1, \"stepSize\": 0.001 },", StringComparison.Ordinal));
        using var db = Open(run.Database);

        var bySymbol = db.Query<(string Symbol, long Count)>("SELECT symbol, COUNT(*) FROM trades GROUP BY symbol ORDER BY symbol").ToList();
        var patterns = db.Query<(string Symbol, long Count)>("SELECT symbol, COUNT(*) FROM patterns GROUP BY symbol ORDER BY symbol").ToList();

        Assert.Equal(["BTCUSDT", "ETHUSDT"], bySymbol.Select(r => r.Symbol));
        Assert.All(bySymbol, r => Assert.True(r.Count > 0));
        Assert.Equal(patterns[0].Count, patterns[1].Count); // the same candles under two names: the same patterns
        Assert.Equal(12_000, run.Summary.Candles);
    }

    private static async Task<(Ict.Engine.Kernel.RunSummary Summary, string Database)> RunAsync(TempDirectory folder, Func<string, string>? edit = null)
    {
        var config = EngineConfig.Load(TestConfigs.ShippedIn(folder, edit));
        var log = new Serilog.LoggerConfiguration().CreateLogger();
        await using var host = EngineHost.Create(config, log);
        var summary = await host.RunAsync(CancellationToken.None);
        return (summary, host.DatabasePath);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static List<string> Rows(string database, string sql)
    {
        using var db = Open(database);
        return db.Query(sql).Select(row => string.Join('|', ((IDictionary<string, object?>)row).Select(kv => $"{kv.Key}={kv.Value}"))).ToList();
    }
}
