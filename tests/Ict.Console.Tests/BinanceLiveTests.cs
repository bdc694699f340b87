using System.Text.RegularExpressions;
using Dapper;
using Ict.Console.Tests.Support;
using static Ict.Console.Tests.Support.BinanceRig;

namespace Ict.Console.Tests;

/// <summary>
/// The whole engine — the real <c>ict</c> process — trading a FakeBinance on 127.0.0.1 in testnet mode. Every test
/// stops the engine before reading its database, so what is asserted is what was committed.
/// </summary>
public sealed partial class BinanceLiveTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Binance_Signal_BecomesMarketEntryPlusAlgoStopLossAndTakeProfit()
    {
        await using var rig = await StartAsync();
        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);

        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count == 2, Wait, "the stop-loss and take-profit");
        var takeProfitId = rig.Server.Exchange.AlgoOrders.Single(a => a.Type == "TAKE_PROFIT_MARKET").ClientAlgoId;
        await ict.WaitForOutputAsync($"{takeProfitId} (exchange id", Wait); // the last acknowledgement, applied by the kernel
        await StopAsync(ict);

        var entry = Assert.Single(rig.Server.Exchange.Orders);
        Assert.Matches(ClientId(), entry.ClientOrderId);
        Assert.EndsWith("-en", entry.ClientOrderId, StringComparison.Ordinal);
        Assert.Equal(("MARKET", "BUY", "FILLED", false), (entry.Type, entry.Side, entry.Status, entry.ReduceOnly));
        var signal = entry.ClientOrderId[..^3];
        var stop = Assert.Single(rig.Server.Exchange.AlgoOrders, a => a.Type == "STOP_MARKET");
        var target = Assert.Single(rig.Server.Exchange.AlgoOrders, a => a.Type == "TAKE_PROFIT_MARKET");
        Assert.Equal((signal + "-sl", "SELL", 49_000m, entry.Quantity, true, "NEW"), (stop.ClientAlgoId, stop.Side, stop.TriggerPrice, stop.Quantity, stop.ReduceOnly, stop.Status));
        Assert.Equal((signal + "-tp", "SELL", 51_000m, entry.Quantity, true, "NEW"), (target.ClientAlgoId, target.Side, target.TriggerPrice, target.Quantity, target.ReduceOnly, target.Status));
        Assert.DoesNotContain(rig.Server.Requests, r => r.Path == "/fapi/v1/order" && r.Method == "POST" && r.Get("type") != "MARKET");
        Assert.Equal(1, rig.Server.Exchange.Leverage(Symbol)); // the risk manager's leverage (the fake starts at 20), set before the entry

        using var db = rig.OpenDatabase();
        var orders = db.Query<(string Role, string Status, string Id, string? ExchangeId)>(
            "SELECT role, status, client_order_id, exchange_order_id FROM orders ORDER BY id").ToList();
        // Each row carries the exchange's id from its acknowledgement: the orderId of the entry, the algoIds of SL/TP.
        Assert.Equal(
            [
                ("entry", "Filled", signal + "-en", entry.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("stop_loss", "New", signal + "-sl", stop.AlgoId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("take_profit", "New", signal + "-tp", target.AlgoId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            orders);
        Assert.Equal(0, db.QuerySingle<long>("SELECT COUNT(*) FROM orders WHERE acknowledged_time IS NULL"));
        Assert.Equal(entry.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            db.QuerySingle<string>("SELECT quantity FROM positions WHERE status = 'open'"));
    }

    [Fact]
    public async Task Binance_TakeProfitFill_ClosesThePositionAndCancelsTheStopLoss()
    {
        await using var rig = await StartAsync();
        using var ict = rig.StartEngine();
        await TradeRoundTripAsync(rig, ict);
        await StopAsync(ict);

        Assert.All(rig.Server.Exchange.Positions, p => Assert.Equal(0m, p.Amount));
        Assert.Equal("CANCELED", Assert.Single(rig.Server.Exchange.AlgoOrders, a => a.Type == "STOP_MARKET").Status);
        Assert.Equal("FINISHED", Assert.Single(rig.Server.Exchange.AlgoOrders, a => a.Type == "TAKE_PROFIT_MARKET").Status);
        using var db = rig.OpenDatabase();
        Assert.Equal("TakeProfit", db.QuerySingle<string>("SELECT exit_reason FROM trades"));
        Assert.Equal(["Filled", "Canceled", "Filled"], db.Query<string>("SELECT status FROM orders ORDER BY id").ToList());
        Assert.Equal(0, db.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'open'"));
        Assert.Equal(2, db.QuerySingle<long>("SELECT COUNT(*) FROM fills"));
    }

    [Fact]
    public async Task Binance_Secrets_NeverReachTheLogsOrTheDatabase()
    {
        await using var rig = await StartAsync();
        using var ict = rig.StartEngine();
        await TradeRoundTripAsync(rig, ict);
        await StopAsync(ict);

        var files = Directory.GetFiles(rig.Folder.File("logs")).Concat(Directory.GetFiles(rig.Folder.Path, "ict.db*")).ToList();
        Assert.Contains(files, f => f.EndsWith("ict.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("logs", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Secret, ict.Stdout + ict.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ict.Stdout + ict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binance_KlineSocketDroppedMidCandle_LosesAndDoublesNothing()
    {
        await using var rig = await StartAsync();
        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);
        var warmup = int.Parse(WarmedUp().Match(ict.Stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The engine's own side of the first connection: right after it connects it backfills over REST (the second
        // klines request, after the warm-up). Dropped before that, its first connection would never have counted.
        await rig.WaitUntilAsync(s => s.Requests.Count(r => r.Path == "/fapi/v1/klines") >= 2, Wait, "the kline stream's backfill after connecting");

        var market = rig.Server.Market;
        market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 100m));
        market.PublishPartial(Symbol, Interval, Candle(rig.NowMinute - (4 * Minute), 50_000m, 700m));
        rig.Server.Streams.Drop("market"); // mid-candle: the close below is sent while nobody listens
        market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (4 * Minute), 50_000m, 777m));
        await rig.WaitUntilAsync(s => s.Streams.MarketConnects >= 2 && s.Streams.OpenConnections("market") > 0, Wait, "the kline stream to reconnect");
        market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (3 * Minute), 50_000m, 778m));
        await ict.WaitForOutputAsync("PositionAlreadyOpen", Wait); // the third candle's signal: the second one's position is open
        // The second candle's entry is sent asynchronously: let it reach the exchange before stopping.
        await rig.WaitUntilAsync(s => s.Exchange.Orders.Count > 0, Wait, "the second candle's entry");
        await StopAsync(ict);

        Assert.Contains($"candles        {warmup + 3} ", ict.Stdout, StringComparison.Ordinal);
        Assert.Contains("Kline stream disconnected", ict.Stdout, StringComparison.Ordinal);
        using var db = rig.OpenDatabase();
        Assert.Equal(["approved", "rejected"], db.Query<string>("SELECT decision FROM signals ORDER BY id").ToList());
        Assert.Single(rig.Server.Exchange.Orders);

        // What the operator saw: the status file's last snapshot names the venue's streams and counts the reconnect.
        var status = Ict.Engine.Status.StatusFile.Read(Ict.Engine.Status.StatusFile.PathFor(rig.Database));
        Assert.NotNull(status);
        Assert.Equal("binance testnet: klines connected, user data connected", status.Venue);
        Assert.True(status.Reconnects >= 1, $"reconnects: {status.Reconnects}");
    }

    [Fact]
    public async Task Binance_KillNineBetweenIntentAndAck_RestartLeavesExactlyOneOrder()
    {
        // Resend only intents handed over in the last two minutes (wall clock).
        await using var rig = await StartAsync(c => c.Replace("\"warmupCandles\": 10", "\"warmupCandles\": 10, \"resendIntentsYoungerThan\": \"00:02:00\"", StringComparison.Ordinal));
        string clientId;
        using (var first = rig.StartEngine())
        {
            await rig.EngineReadyAsync(first, Wait);
            var entryRequest = rig.NextRequest("POST", "/fapi/v1/order");
            var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            rig.Server.RequestAborted += r => aborted.TrySetResult();
            var hung = 0;
            rig.Server.RequestReceived += r =>
            {
                if (r.Path == "/fapi/v1/order" && r.Method == "POST" && Interlocked.Exchange(ref hung, 1) == 0)
                {
                    rig.Server.Faults.ResponseDelay = TimeSpan.FromMinutes(5); // from this request on: the entry hangs, never acknowledged
                }
            };
            // A candle that closed at least four minutes ago, arriving late: its intent is young all the same, since the
            // restart measures an intent's age from when it was handed over, not from the candle.
            rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
            clientId = (await Within(entryRequest, "the entry request")).Require("newClientOrderId");
            using (var db = rig.OpenDatabase())
            {
                // Handed to the sender but never acknowledged: still an intent, with no exchange id.
                var row = db.QuerySingle<(string Status, string? ExchangeId)>(
                    "SELECT status, exchange_order_id FROM orders WHERE client_order_id = @clientId AND role = 'entry'", new { clientId });
                Assert.Equal(("Intent", null), row);
            }

            first.KillHard();
            await first.WaitForExitAsync(Wait);
            await Within(aborted.Task, "the fake to see the request aborted"); // the client vanished: the order was never executed
            rig.Server.Faults.ResponseDelay = TimeSpan.Zero;
        }

        Assert.Empty(rig.Server.Exchange.Orders);
        using var second = rig.StartEngine();
        await second.WaitForOutputAsync("Reconciled with the exchange", Wait);
        try
        {
            await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count == 2, Wait, "the restarted engine's stop-loss and take-profit");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nrequests: " + string.Join(", ", rig.Server.Requests.Select(r => r.Method + " " + r.Path))
                + "\nstdout:\n" + second.Stdout + "\nstderr:\n" + second.Stderr);
        }
        await StopAsync(second);

        Assert.Contains("never reached the exchange: sent now, once", second.Stdout, StringComparison.Ordinal);
        var entry = Assert.Single(rig.Server.Exchange.Orders);
        Assert.Equal((clientId, "FILLED"), (entry.ClientOrderId, entry.Status));
        using var after = rig.OpenDatabase();
        var rows = after.Query<(long Run, string Status, string? Reason, string? ExchangeId)>(
            "SELECT run_id, status, status_reason, exchange_order_id FROM orders WHERE client_order_id = @clientId ORDER BY run_id", new { clientId }).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((1L, "Canceled", "carried to run 2", (string?)null), rows[0]);
        Assert.Equal((2L, "Filled", entry.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (rows[1].Run, rows[1].Status, rows[1].ExchangeId));
        Assert.Equal(1, after.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'open'"));
        Assert.Equal(0, after.QuerySingle<long>("SELECT COUNT(*) FROM signals WHERE run_id = 2")); // the marked candle was warm-up this time
    }

    [Fact]
    public async Task Binance_KillNineAfterTheExchangeFilledTheEntry_RestartAdoptsItWithoutSendingAgain()
    {
        await using var rig = await StartAsync();
        using (var first = rig.StartEngine())
        {
            await rig.EngineReadyAsync(first, Wait);
            var killed = 0;
            rig.Server.Exchange.UserEvent += (type, _) =>
            {
                if (type == "ACCOUNT_UPDATE" && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    first.KillHard(); // the entry has filled on the exchange; its response has not been written yet
                }
            };
            rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
            await first.WaitForExitAsync(Wait);
        }

        using var second = rig.StartEngine();
        await second.WaitForOutputAsync("Reconciled with the exchange", Wait);
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count(a => a.Status == "NEW") == 2, Wait, "the position's stop-loss and take-profit");
        await StopAsync(second);

        var entry = Assert.Single(rig.Server.Exchange.Orders); // never sent twice
        Assert.Equal("FILLED", entry.Status);
        var signal = entry.ClientOrderId[..^3];
        Assert.Equal([signal + "-sl", signal + "-tp"], rig.Server.Exchange.AlgoOrders.Where(a => a.Status == "NEW").Select(a => a.ClientAlgoId).Order().ToList());
        using var db = rig.OpenDatabase();
        Assert.Equal(1, db.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'open'"));
        Assert.Equal(2, db.QuerySingle<long>("SELECT run_id FROM positions WHERE status = 'open'"));
        // The commission the exchange charged, read from the order's trades: on the position, and in the fill row.
        var commission = Assert.Single(rig.Server.Exchange.Trades(Symbol, entry.OrderId)).Commission;
        Assert.True(commission > 0);
        Assert.Equal(commission, decimal.Parse(db.QuerySingle<string>("SELECT entry_fee FROM positions WHERE status = 'open'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rig.Server.Requests, r => r.Path == "/fapi/v1/userTrades" && r.Get("orderId") == entry.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Binance_Restart_AdoptsTheOpenPositionReplacesAMissingStopAndCancelsOrphans()
    {
        await using var rig = await StartAsync();
        using (var first = rig.StartEngine())
        {
            await OpenPositionAsync(rig, first);
            await StopAsync(first);
        }

        // While the engine is down: its stop-loss disappears, and two stray stops appear, one with our prefix.
        var exchange = rig.Server.Exchange;
        var lost = exchange.AlgoOrders.Single(a => a.Type == "STOP_MARKET");
        exchange.CancelAlgo(lost.AlgoId, null);
        var orphan = exchange.PlaceAlgo(Symbol, "SELL", "STOP_MARKET", 45_000m, 0.001m, false, true, "ict-00000000deadbeef-sl", "CONTRACT_PRICE");
        var foreign = exchange.PlaceAlgo(Symbol, "SELL", "STOP_MARKET", 44_000m, 0.001m, false, true, "manual-stop", "CONTRACT_PRICE");

        using var second = rig.StartEngine();
        await second.WaitForOutputAsync("Reconciled with the exchange", Wait);
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count(a => a.ClientAlgoId == lost.ClientAlgoId && a.Status == "NEW") == 1, Wait, "the stop-loss placed again");
        exchange.SetPrice(Symbol, 51_100m); // the adopted take-profit fires in the new run
        await second.WaitForOutputAsync("Closed Long", Wait);
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count(a => a.Status == "NEW") == 1, Wait, "the new stop-loss to be cancelled");
        await StopAsync(second);

        Assert.Contains("adopted Long BTCUSDT", second.Stdout, StringComparison.Ordinal);
        Assert.Equal("CANCELED", orphan.Status);
        Assert.Equal("NEW", foreign.Status);
        Assert.Contains("manual-stop on the exchange is not ours", second.Stdout, StringComparison.Ordinal);
        Assert.All(exchange.Positions, p => Assert.Equal(0m, p.Amount));
        using var db = rig.OpenDatabase();
        Assert.Equal([(1L, "carried"), (2L, "closed")], db.Query<(long, string)>("SELECT run_id, status FROM positions ORDER BY id").ToList());
        Assert.Equal((2L, "TakeProfit"), db.QuerySingle<(long, string)>("SELECT run_id, exit_reason FROM trades"));
        Assert.Equal([("stop_loss", "Canceled"), ("take_profit", "Filled")],
            db.Query<(string, string)>("SELECT role, status FROM orders WHERE run_id = 2 ORDER BY role").ToList());
    }

    [Fact]
    public async Task Binance_PositionClosedByHandWhileDown_RestartRecordsATradeAtAFlaggedEstimatedExit()
    {
        await using var rig = await StartAsync();
        using (var first = rig.StartEngine())
        {
            await OpenPositionAsync(rig, first);
            await StopAsync(first);
        }

        // While the engine is down the market moves to 50 300 and the trader closes the position by hand.
        var exchange = rig.Server.Exchange;
        var quantity = Assert.Single(exchange.Orders).Quantity;
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (4 * Minute), 50_300m, 100m));
        exchange.PlaceOrder(Symbol, "SELL", "MARKET", quantity, 0m, "manual-close", true, "GTC");
        Assert.All(exchange.Positions, p => Assert.Equal(0m, p.Amount));

        using var second = rig.StartEngine();
        await second.WaitForOutputAsync("Reconciled with the exchange", Wait);
        await StopAsync(second);

        Assert.Contains("closed by hand or liquidated while the engine was down): trade recorded at an ESTIMATED exit of 50300", second.Stdout, StringComparison.Ordinal);
        using var db = rig.OpenDatabase();
        Assert.Equal((2L, "50300", "Manual", 1L), db.QuerySingle<(long, string, string, long)>("SELECT run_id, exit_price, exit_reason, exit_estimated FROM trades"));
        Assert.Equal([(1L, "carried"), (2L, "closed")], db.Query<(long, string)>("SELECT run_id, status FROM positions ORDER BY id").ToList());
        Assert.DoesNotContain(exchange.Orders, o => o.ClientOrderId.EndsWith("-ex", StringComparison.Ordinal)); // nothing sent for it
        Assert.All(exchange.AlgoOrders, a => Assert.NotEqual("NEW", a.Status)); // its stop-loss and take-profit are gone
    }

    [Theory]
    [InlineData(-2019, "Margin is insufficient.", "InsufficientMargin")]
    [InlineData(-4164, "Order's notional must be no smaller than 100 (unless you choose reduce only).", "MinNotional")]
    public async Task Binance_EntryRefusedByTheExchange_RejectsTheSignalWithATypedReason(int code, string message, string reason)
    {
        await using var rig = await StartAsync();
        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);

        rig.Server.Faults.RejectNextOrder(code, message);
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await ict.WaitForOutputAsync($"rejected: {reason}", Wait);
        await StopAsync(ict);

        Assert.Contains($"signal rejected: {reason}", ict.Stdout, StringComparison.Ordinal); // the console notifier's line
        Assert.Empty(rig.Server.Exchange.Orders);
        Assert.Empty(rig.Server.Exchange.AlgoOrders);
        using var db = rig.OpenDatabase();
        Assert.Equal(("rejected", reason), db.QuerySingle<(string, string)>("SELECT decision, rejection_reason FROM signals"));
        Assert.Equal("Rejected", db.QuerySingle<string>("SELECT status FROM orders WHERE role = 'entry'"));
        Assert.Equal(0, db.QuerySingle<long>("SELECT COUNT(*) FROM positions"));
    }

    [Fact]
    public async Task Binance_StopLossThatWouldTriggerAtOnce_FlattensThePosition()
    {
        await using var rig = await StartAsync();
        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);

        var armed = 0;
        rig.Server.Exchange.UserEvent += (type, _) =>
        {
            if (type == "ORDER_TRADE_UPDATE" && Interlocked.Exchange(ref armed, 1) == 0)
            {
                rig.Server.Faults.RejectNextOrder(-2021, "Order would immediately trigger."); // the next order is the stop-loss
            }
        };
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await ict.WaitForOutputAsync("Closed Long", Wait);
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.All(a => a.Status != "NEW"), Wait, "the take-profit to be cancelled");
        await StopAsync(ict);

        Assert.All(rig.Server.Exchange.Positions, p => Assert.Equal(0m, p.Amount));
        var exit = Assert.Single(rig.Server.Exchange.Orders, o => o.ClientOrderId.EndsWith("-ex", StringComparison.Ordinal));
        Assert.Equal(("MARKET", "SELL", true, "FILLED"), (exit.Type, exit.Side, exit.ReduceOnly, exit.Status));
        using var db = rig.OpenDatabase();
        Assert.Equal("Rejected", db.QuerySingle<string>("SELECT status FROM orders WHERE role = 'stop_loss'"));
        Assert.Equal("StopLoss", db.QuerySingle<string>("SELECT exit_reason FROM trades"));
        Assert.Equal(0, db.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'open'"));
    }

    [Fact]
    public async Task Binance_RunWithTheFakeExchange_TradesTheDemo()
    {
        using var folder = new Ict.Engine.Tests.Support.TempDirectory();
        var config = Ict.Engine.Tests.Support.TestConfigs.ShippedIn(folder, text => text
            .Replace("\"mode\": \"paper\"", "\"mode\": \"testnet\"", StringComparison.Ordinal)
            .Replace("\"killSwitch\"", "\"exchange\": { \"venue\": \"fake\", \"fake\": { \"replayMs\": 20 } },\n  \"killSwitch\"", StringComparison.Ordinal));
        using var ict = IctProcess.StartWithEnvironment(folder.Path, new Dictionary<string, string?>
        {
            ["ICT_BINANCE_API_KEY"] = null,
            ["ICT_BINANCE_API_SECRET"] = null,
        }, "run", "--headless", "--config", config);

        await ict.WaitForOutputAsync("Fake exchange on 127.0.0.1:", Wait);
        await ict.WaitForOutputAsync("Opened ", Wait); // a position opened by ict.ob-fvg on the streamed candles
        await StopAsync(ict);

        Assert.Equal(0, ict.ExitCode);
        Assert.Contains("Run 1: testnet account 10000 USDT", ict.Stdout, StringComparison.Ordinal);
        Assert.Contains("(0 missing in 0 gap(s))", ict.Stdout, StringComparison.Ordinal); // the stream waited for the engine
    }

    [Fact]
    public async Task Binance_LiveModeWithoutTheLiveFlag_IsRefusedBeforeAnythingConnects()
    {
        await using var rig = await StartAsync(text => text.Replace("\"mode\": \"testnet\"", "\"mode\": \"live\"", StringComparison.Ordinal));
        using var ict = rig.StartEngine();
        await ict.WaitForExitAsync(Wait);

        Assert.Equal(2, ict.ExitCode);
        Assert.Contains("--live", ict.Stderr, StringComparison.Ordinal);
        Assert.Empty(rig.Server.Requests);
    }

    private static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out waiting for {what}");
        }
    }

    private static Task<int> Within(Task task, string what) => Within(task.ContinueWith(_ => 0, TaskScheduler.Default), what);

    // A marked candle: the strategy goes long and the engine places the entry, its stop-loss and take-profit.
    private static async Task OpenPositionAsync(BinanceRig rig, IctProcess ict)
    {
        await rig.EngineReadyAsync(ict, Wait);
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count(a => a.Status == "NEW") == 2, Wait, "the stop-loss and take-profit");
    }

    private static async Task TradeRoundTripAsync(BinanceRig rig, IctProcess ict)
    {
        await OpenPositionAsync(rig, ict);
        rig.Server.Exchange.SetPrice(Symbol, 51_100m);
        await ict.WaitForOutputAsync("Closed Long", Wait);
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.All(a => a.Status != "NEW"), Wait, "the stop-loss to be cancelled");
    }

    [GeneratedRegex("^ict-[0-9a-f]{16}-en$")]
    private static partial Regex ClientId();

    [GeneratedRegex(@"warmed up on (\d+) closed candles")]
    private static partial Regex WarmedUp();
}
