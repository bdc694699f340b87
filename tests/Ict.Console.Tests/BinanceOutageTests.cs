using Dapper;
using Ict.Console.Tests.Support;
using static Ict.Console.Tests.Support.BinanceRig;

namespace Ict.Console.Tests;

/// <summary>
/// The exchange's trading API stops answering (FakeBinance's <c>Faults.TradingOutage</c>: every signed request 503 "Unknown error…", nothing
/// executed) while an entry is on its way: the order's outcome is unknown after every retry. The symbol must not stay
/// blocked until a restart: once the exchange answers again the engine looks the order up and settles it.
/// </summary>
public sealed class BinanceOutageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Binance_EntryLostInAnOutage_IsSentOnceTheExchangeAnswersAgain()
    {
        await using var rig = await StartAsync(c => c.Replace("\"warmupCandles\": 10", "\"warmupCandles\": 10, \"unknownOrderRecheck\": \"00:00:01\"", StringComparison.Ordinal));
        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);

        rig.Server.Faults.TradingOutage = true;
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await ict.WaitForOutputAsync("outcome unknown", Wait);
        Assert.Empty(rig.Server.Exchange.Orders);

        rig.Server.Faults.TradingOutage = false;
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count(a => a.Status == "NEW") == 2, Wait, "the entry and then its stop-loss and take-profit");
        var takeProfit = rig.Server.Exchange.AlgoOrders.Single(a => a.Type == "TAKE_PROFIT_MARKET").ClientAlgoId;
        await ict.WaitForOutputAsync($"{takeProfit} (exchange id", Wait);
        await StopAsync(ict);

        var entry = Assert.Single(rig.Server.Exchange.Orders); // sent once, after the outage, with the intent's client id
        Assert.Equal("FILLED", entry.Status);
        Assert.Contains($"Order {entry.ClientOrderId}: the exchange answers again; the order never reached it: sent now", ict.Stdout, StringComparison.Ordinal);
        using var db = rig.OpenDatabase();
        Assert.Equal(("Filled", entry.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            db.QuerySingle<(string, string)>("SELECT status, exchange_order_id FROM orders WHERE role = 'entry'"));
        Assert.Equal("approved", db.QuerySingle<string>("SELECT decision FROM signals"));
        Assert.Equal(1, db.QuerySingle<long>("SELECT COUNT(*) FROM positions WHERE status = 'open'"));
    }

    [Fact]
    public async Task Binance_EntryTooOldWhenTheExchangeAnswersAgain_IsRefusedAndTheSymbolTradesAgain()
    {
        // Every lost entry counts as stale here: it is refused rather than sent.
        await using var rig = await StartAsync(c => c.Replace("\"warmupCandles\": 10",
            "\"warmupCandles\": 10, \"unknownOrderRecheck\": \"00:00:01\", \"resendIntentsYoungerThan\": \"00:00:00\"", StringComparison.Ordinal));
        using var ict = rig.StartEngine();
        await rig.EngineReadyAsync(ict, Wait);

        rig.Server.Faults.TradingOutage = true;
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (5 * Minute), 50_000m, 777m));
        await ict.WaitForOutputAsync("outcome unknown", Wait);
        rig.Server.Faults.TradingOutage = false;
        await ict.WaitForOutputAsync("never reached the exchange", Wait);

        // The symbol is free again: the next signal trades.
        rig.Server.Market.PublishClosed(Symbol, Interval, Candle(rig.NowMinute - (4 * Minute), 50_000m, 777m));
        await rig.WaitUntilAsync(s => s.Exchange.AlgoOrders.Count(a => a.Status == "NEW") == 2, Wait, "the second signal's stop-loss and take-profit");
        await StopAsync(ict);

        Assert.Equal("FILLED", Assert.Single(rig.Server.Exchange.Orders).Status);
        using var db = rig.OpenDatabase();
        Assert.Equal([("rejected", "Other"), ("approved", null)], db.Query<(string, string?)>("SELECT decision, rejection_reason FROM signals ORDER BY id").ToList());
        Assert.Equal(["Rejected", "Filled"], db.Query<string>("SELECT status FROM orders WHERE role = 'entry' ORDER BY id").ToList());
        Assert.Contains("signal rejected: Other", ict.Stdout, StringComparison.Ordinal); // the console notifier told the trader
    }
}
