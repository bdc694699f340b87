using System.Text.Json;
using Dapper;
using FakeBinance;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Console.Tests.Support;

/// <summary>
/// A FakeBinance in the test process (1-minute BTCUSDT history ending six minutes ago, so the test can close the
/// five candles after it, all in the past) and a testnet config that points
/// the real <c>ict</c> at it, trading <c>fixture.marked-candles</c>: a candle with volume 777 makes it go long.
/// </summary>
internal sealed class BinanceRig : IAsyncDisposable
{
    public const string Key = "rig-api-key-0f1e2d3c";
    public const string Secret = "rig-api-secret-9a8b7c6d5e4f3a2b1c0d";
    public const string Symbol = "BTCUSDT";
    public const string Interval = "1m";
    public const long Minute = 60_000;

    private BinanceRig(TempDirectory folder, FakeBinanceServer server, long nowMinute)
    {
        Folder = folder;
        Server = server;
        NowMinute = nowMinute;
    }

    public TempDirectory Folder { get; }

    public FakeBinanceServer Server { get; }

    /// <summary>The start of the current minute when the rig started (ms).</summary>
    public long NowMinute { get; }

    public string Config => Folder.File("engine.json");

    public string Database => Folder.File("ict.db");

    public static async Task<BinanceRig> StartAsync(Func<string, string>? editConfig = null)
    {
        var folder = new TempDirectory();
        var server = new FakeBinanceServer(new FakeBinanceOptions { ApiKey = Key, ApiSecret = Secret });
        await server.StartAsync();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = now / Minute * Minute;
        var history = Enumerable.Range(0, 30).Select(i => Candle(minute - ((35 - i) * Minute), 50_000m, 100m)).ToList();
        server.Market.AddHistory(Symbol, Interval, history);
        server.Exchange.SetPrice(Symbol, 50_000m);
        var rig = new BinanceRig(folder, server, minute);
        rig.WriteConfig(editConfig);
        return rig;
    }

    public static FakeCandle Candle(long openTime, decimal close, decimal volume) => new(openTime, close, close + 10m, close - 10m, close, volume);

    /// <summary>Starts ict run against the fake with the keys in the environment.</summary>
    public IctProcess StartEngine(params string[] extra) =>
        IctProcess.StartWithEnvironment(Folder.Path, new Dictionary<string, string?>
        {
            ["ICT_BINANCE_API_KEY"] = Key,
            ["ICT_BINANCE_API_SECRET"] = Secret,
        }, ["run", "--headless", "--config", Config, .. extra]);

    /// <summary>Waits for the next REST request matching method and path (from now on).</summary>
    public Task<FakeRequest> NextRequest(string method, string path, Func<FakeRequest, bool>? where = null)
    {
        var seen = new TaskCompletionSource<FakeRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(FakeRequest r)
        {
            if (r.Method == method && r.Path == path && (where is null || where(r)))
            {
                Server.RequestReceived -= Handler;
                seen.TrySetResult(r);
            }
        }

        Server.RequestReceived += Handler;
        return seen.Task;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking on every request, user event and connection.</summary>
    public async Task WaitUntilAsync(Func<FakeBinanceServer, bool> condition, TimeSpan timeout, string what)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(Server))
            {
                met.TrySetResult();
            }
        }

        void OnRequest(FakeRequest _) => Check();
        void OnEvent(string a, object b) => Check();
        void OnConnect(string a, int b) => Check();
        Server.RequestReceived += OnRequest;
        Server.Exchange.UserEvent += OnEvent;
        Server.Streams.Connected += OnConnect;
        try
        {
            Check();
            await met.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out waiting for {what}");
        }
        finally
        {
            Server.RequestReceived -= OnRequest;
            Server.Exchange.UserEvent -= OnEvent;
            Server.Streams.Connected -= OnConnect;
        }
    }

    /// <summary>Stops ict with SIGTERM (it finishes the event in hand) and waits for it to exit.</summary>
    public static async Task StopAsync(IctProcess ict)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", ict.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await ict.WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until ict has warmed up and has both its market and its user-data stream open.</summary>
    public async Task EngineReadyAsync(IctProcess ict, TimeSpan wait)
    {
        await ict.WaitForOutputAsync("warmed up on", wait);
        await WaitUntilAsync(s => s.Streams.OpenConnections("market") > 0 && s.Streams.OpenConnections("private") > 0, wait, "the engine's streams");
    }

    /// <summary>
    /// Runs ict until one signal has traded: a closed candle with a volume spike is published, the entry fills and its
    /// stop-loss and take-profit are on the exchange; then stops it.
    /// </summary>
    public async Task TradeOnceAsync(TimeSpan wait)
    {
        using var ict = StartEngine();
        await EngineReadyAsync(ict, wait);
        Server.Market.PublishClosed(Symbol, Interval, Candle(NowMinute - (5 * Minute), 50_000m, 777m));
        await WaitUntilAsync(s => s.Exchange.AlgoOrders.Count == 2, wait, "the stop-loss and take-profit");
        await StopAsync(ict);
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public long LatestRun()
    {
        using var db = OpenDatabase();
        return db.QuerySingle<long>("SELECT MAX(id) FROM runs");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }

    private void WriteConfig(Func<string, string>? edit)
    {
        Folder.Write("candles.csv", "open_time_ms,open,high,low,close,volume\n");
        var fixture = Path.Combine(RepoPaths.Root, "artifacts", "fixtures", "Fixture.Signals");
        var plugin = Directory.CreateDirectory(Folder.File(Path.Combine("plugins", "Fixture.Signals"))).FullName;
        foreach (var file in Directory.GetFiles(fixture))
        {
            File.Copy(file, Path.Combine(plugin, Path.GetFileName(file)));
        }

        var config = $$"""
            {
              "mode": "testnet",
              "account": { "asset": "USDT", "startingBalance": 10000 },
              "marketData": { "source": "replay", "replay": { "files": [ { "symbol": "BTCUSDT", "interval": "1m", "path": "candles.csv" } ] } },
              "instruments": [ { "symbol": "BTCUSDT", "tickSize": 0.1, "stepSize": 0.001, "minQuantity": 0.001, "minNotional": 5, "maxLeverage": 20 } ],
              "exchange": { "restBaseUrl": {{Json(Server.RestUri.ToString())}}, "wsBaseUrl": {{Json(Server.WsUri.ToString())}}, "warmupCandles": 10 },
              "state": { "database": "ict.db" },
              "plugins": { "directories": [ {{Json(RepoPaths.Plugins)}}, {{Json(Folder.File("plugins"))}} ] },
              "strategies": [ { "plugin": "fixture.marked-candles", "symbols": [ "BTCUSDT" ] } ],
              "risk": { "plugin": "ict.fixed-fractional", "settings": { "riskPerTradePercent": 1.0, "maxPositionPercent": 10.0, "leverage": 1 } },
              "notifiers": [ { "plugin": "console" } ],
              "logging": { "directory": "logs", "level": "information" }
            }
            """;
        Folder.Write("engine.json", edit is null ? config : edit(config));
    }

    private static string Json(string value) => JsonSerializer.Serialize(value);
}
