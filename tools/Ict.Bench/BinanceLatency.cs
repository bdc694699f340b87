using System.Diagnostics;
using System.Text.Json;
using FakeBinance;
using Ict.Engine;
using Ict.Engine.Configuration;
using Ict.Engine.Live;
using Ict.Exchange.Binance.Config;

namespace Ict.Bench;

/// <summary>
/// Candle close to entry order, against an in-process FakeBinance on 127.0.0.1: the time from the fake handing the
/// kline close frame (x=true) to its socket until the engine's POST /fapi/v1/order arrives at the fake. It covers the
/// WebSocket read, the kernel (strategy, risk, intent committed to SQLite) and the order sender, plus both loopback
/// hops. The strategy is the test fixture that signals on a marked candle, so the time is the engine's, not a
/// strategy's. After each entry the price is moved to the take-profit so the next signal is not refused. Each round
/// sends three orders, so the rounds are kept under Binance's 300 orders per 10 s (the client's limiter would
/// otherwise, rightly, hold orders back and the figure would measure the limiter).
/// </summary>
internal static class BinanceLatency
{
    private const string Symbol = "BTCUSDT";
    private const long Minute = 60_000;

    public static IEnumerable<(string Name, double Value, string Unit)> Measure(int rounds = 60)
    {
        var samples = RunAsync(rounds).GetAwaiter().GetResult();
        samples.Sort();
        yield return ("binance_candle_to_order_p50_ms", Percentile(samples, 0.50), "ms");
        yield return ("binance_candle_to_order_p99_ms", Percentile(samples, 0.99), "ms");
    }

    private static async Task<List<double>> RunAsync(int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ict-bench-binance-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var server = new FakeBinanceServer(new FakeBinanceOptions { ApiKey = "bench-key-00000000", ApiSecret = "bench-secret-0000000000000000" });
        try
        {
            await server.StartAsync();
            var start = (TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / Minute * Minute) - ((rounds + 10) * Minute);
            server.Exchange.SetPrice(Symbol, 50_000m);
            WriteConfig(folder);
            var config = EngineConfig.Load(Path.Combine(folder, "engine.json"), _ => null);
            var endpoint = new ExchangeEndpoint(server.RestUri, server.WsUri, new BinanceCredentials(server.Options.ApiKey, server.Options.ApiSecret));
            await using var host = EngineHost.Create(config, Serilog.Core.Logger.None, new EngineRunOptions { Exchange = endpoint });
            using var stop = new CancellationTokenSource();
            var run = host.RunAsync(stop.Token);
            await WaitAsync(server, s => s.Streams.OpenConnections("market") > 0 && s.Streams.OpenConnections("private") > 0);

            var samples = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var order = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                void OnRequest(FakeRequest r)
                {
                    if (r.Method == "POST" && r.Path == "/fapi/v1/order" && r.Get("reduceOnly") is null)
                    {
                        order.TrySetResult(Stopwatch.GetTimestamp());
                    }
                }

                server.RequestReceived += OnRequest;
                var sent = Stopwatch.GetTimestamp();
                server.Market.PublishClosed(Symbol, "1m", new FakeCandle(start + (i * Minute), 50_000m, 50_010m, 49_990m, 50_000m, 777m));
                long arrived;
                try
                {
                    arrived = await order.Task.WaitAsync(TimeSpan.FromSeconds(30));
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException("no entry order; the fake saw: " + string.Join(", ", server.Requests.Select(r => r.Method + " " + r.Path)));
                }

                server.RequestReceived -= OnRequest;
                if (i > 0)
                {
                    samples.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds); // the first round includes JIT
                }

                // Close the position at its target, then put the price back for the next entry.
                await WaitAsync(server, s => s.Exchange.AlgoOrders.Count(a => a.Status == "NEW") == 2);
                server.Exchange.SetPrice(Symbol, 51_100m);
                await WaitAsync(server, s => s.Exchange.AlgoOrders.All(a => a.Status != "NEW"));
                server.Exchange.SetPrice(Symbol, 50_000m);
            }

            await stop.CancelAsync();
            await run;
            return samples;
        }
        finally
        {
            await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitAsync(FakeBinanceServer server, Func<FakeBinanceServer, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(server))
            {
                met.TrySetResult();
            }
        }

        void OnRequest(FakeRequest _) => Check();
        void OnEvent(string a, object b) => Check();
        void OnConnect(string a, int b) => Check();
        server.RequestReceived += OnRequest;
        server.Exchange.UserEvent += OnEvent;
        server.Streams.Connected += OnConnect;
        try
        {
            Check();
            await met.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            server.RequestReceived -= OnRequest;
            server.Exchange.UserEvent -= OnEvent;
            server.Streams.Connected -= OnConnect;
        }
    }

    private static void WriteConfig(string folder)
    {
        var plugin = Directory.CreateDirectory(Path.Combine(folder, "plugins", "Fixture.Signals")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(BenchData.RepoRoot, "artifacts", "fixtures", "Fixture.Signals")))
        {
            File.Copy(file, Path.Combine(plugin, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, "candles.csv"), "open_time_ms,open,high,low,close,volume\n");
        var plugins = JsonSerializer.Serialize(new[] { Path.Combine(BenchData.RepoRoot, "artifacts", "plugins"), Path.Combine(folder, "plugins") });
        File.WriteAllText(Path.Combine(folder, "engine.json"), $$"""
            {
              "mode": "testnet",
              "account": { "asset": "USDT", "startingBalance": 10000 },
              "marketData": { "replay": { "files": [ { "symbol": "BTCUSDT", "interval": "1m", "path": "candles.csv" } ] } },
              "instruments": [ { "symbol": "BTCUSDT", "tickSize": 0.1, "stepSize": 0.001, "minQuantity": 0.001, "minNotional": 5, "maxLeverage": 20 } ],
              "exchange": { "warmupCandles": 0 },
              "state": { "database": "ict.db" },
              "plugins": { "directories": {{plugins}} },
              "strategies": [ { "plugin": "fixture.marked-candles", "symbols": [ "BTCUSDT" ] } ],
              "risk": { "plugin": "ict.fixed-fractional", "settings": { "riskPerTradePercent": 1.0, "maxPositionPercent": 10.0, "maxDailyTrades": 1000, "leverage": 1 } },
              "logging": { "directory": "logs" }
            }
            """);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
