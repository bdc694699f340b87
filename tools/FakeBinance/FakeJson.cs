using System.Globalization;
using System.Text.Json;

namespace FakeBinance;

/// <summary>Writes the fake's state in Binance's JSON shapes: decimals as strings, ids and times as numbers.</summary>
internal static class FakeJson
{
    public static string S(decimal d) => d.ToString("0.########", CultureInfo.InvariantCulture);

    public static string Serialize(object value) => JsonSerializer.Serialize(value);

    public static object Order(FakeOrder o) => new Dictionary<string, object?>
    {
        ["orderId"] = o.OrderId, ["symbol"] = o.Symbol, ["status"] = o.Status, ["clientOrderId"] = o.ClientOrderId,
        ["price"] = S(o.Price), ["avgPrice"] = S(o.AvgPrice), ["origQty"] = S(o.Quantity), ["executedQty"] = S(o.ExecutedQty),
        ["cumQty"] = S(o.ExecutedQty), ["cumQuote"] = S(o.ExecutedQty * o.AvgPrice), ["timeInForce"] = o.TimeInForce,
        ["type"] = o.Type, ["origType"] = o.Type, ["side"] = o.Side, ["positionSide"] = "BOTH", ["reduceOnly"] = o.ReduceOnly,
        ["closePosition"] = false, ["stopPrice"] = "0", ["workingType"] = "CONTRACT_PRICE", ["priceProtect"] = false,
        ["priceMatch"] = "NONE", ["selfTradePreventionMode"] = "EXPIRE_MAKER", ["goodTillDate"] = 0, ["time"] = o.Time, ["updateTime"] = o.UpdateTime,
    };

    public static object Algo(FakeAlgoOrder a) => new Dictionary<string, object?>
    {
        ["algoId"] = a.AlgoId, ["clientAlgoId"] = a.ClientAlgoId, ["algoType"] = "CONDITIONAL", ["orderType"] = a.Type,
        ["symbol"] = a.Symbol, ["side"] = a.Side, ["positionSide"] = "BOTH", ["timeInForce"] = "GTC", ["quantity"] = S(a.Quantity),
        ["algoStatus"] = a.Status, ["actualOrderId"] = a.ActualOrderId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["actualPrice"] = S(a.ActualPrice), ["actualQty"] = S(a.ActualQty), ["actualType"] = a.ActualOrderId is null ? string.Empty : "MARKET",
        ["triggerPrice"] = S(a.TriggerPrice), ["price"] = "0", ["icebergQuantity"] = null, ["selfTradePreventionMode"] = "EXPIRE_MAKER",
        ["workingType"] = a.WorkingType, ["priceMatch"] = "NONE", ["closePosition"] = a.ClosePosition, ["priceProtect"] = false,
        ["reduceOnly"] = a.ReduceOnly, ["createTime"] = a.CreateTime, ["updateTime"] = a.UpdateTime, ["triggerTime"] = a.TriggerTime, ["goodTillDate"] = 0,
    };

    public static object OrderUpdate(FakeOrder o, string executionType, decimal lastQty, decimal lastPrice, long now, long tradeId, decimal realized) => new Dictionary<string, object?>
    {
        ["e"] = "ORDER_TRADE_UPDATE", ["E"] = now, ["T"] = now,
        ["o"] = new Dictionary<string, object?>
        {
            ["s"] = o.Symbol, ["c"] = o.ClientOrderId, ["S"] = o.Side, ["o"] = o.Type, ["f"] = o.TimeInForce, ["q"] = S(o.Quantity),
            ["p"] = S(o.Price), ["ap"] = S(o.AvgPrice), ["sp"] = "0", ["x"] = executionType, ["X"] = o.Status, ["i"] = o.OrderId,
            ["l"] = S(lastQty), ["z"] = S(o.ExecutedQty), ["L"] = S(lastPrice), ["N"] = "USDT", ["n"] = S(FakeExchange.Commission(lastQty, lastPrice)),
            ["T"] = now, ["t"] = tradeId, ["b"] = "0", ["a"] = "0", ["m"] = false, ["R"] = o.ReduceOnly, ["wt"] = "CONTRACT_PRICE",
            ["ot"] = o.Type, ["ps"] = "BOTH", ["cp"] = false, ["rp"] = S(realized), ["V"] = "EXPIRE_MAKER", ["pm"] = "NONE", ["gtd"] = 0,
        },
    };

    public static object AlgoUpdate(FakeAlgoOrder a, long now, string? reason = null) => new Dictionary<string, object?>
    {
        ["e"] = "ALGO_UPDATE", ["T"] = now, ["E"] = now,
        ["o"] = new Dictionary<string, object?>
        {
            ["caid"] = a.ClientAlgoId, ["aid"] = a.AlgoId, ["at"] = "CONDITIONAL", ["o"] = a.Type, ["s"] = a.Symbol, ["S"] = a.Side,
            ["ps"] = "BOTH", ["f"] = "GTC", ["q"] = S(a.Quantity), ["X"] = a.Status,
            ["ai"] = a.ActualOrderId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, ["ap"] = S(a.ActualPrice), ["aq"] = S(a.ActualQty),
            ["act"] = a.ActualOrderId is null ? "0" : "MARKET", ["tp"] = S(a.TriggerPrice), ["p"] = "0", ["V"] = "EXPIRE_MAKER",
            ["wt"] = a.WorkingType, ["pm"] = "NONE", ["cp"] = a.ClosePosition, ["pP"] = false, ["R"] = a.ReduceOnly, ["tt"] = a.TriggerTime,
            ["gtd"] = 0, ["rm"] = reason ?? string.Empty,
        },
    };

    public static object AccountUpdate(FakePosition p, decimal wallet, long now) => new Dictionary<string, object?>
    {
        ["e"] = "ACCOUNT_UPDATE", ["E"] = now, ["T"] = now,
        ["a"] = new Dictionary<string, object?>
        {
            ["m"] = "ORDER",
            ["B"] = new[] { new Dictionary<string, object?> { ["a"] = "USDT", ["wb"] = S(wallet), ["cw"] = S(wallet), ["bc"] = "0" } },
            ["P"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["s"] = p.Symbol, ["pa"] = S(p.Amount), ["ep"] = S(p.EntryPrice), ["bep"] = S(p.EntryPrice), ["cr"] = "0",
                    ["up"] = "0", ["mt"] = "cross", ["iw"] = "0", ["ps"] = "BOTH",
                },
            },
        },
    };

    public static object Kline(string symbol, string interval, long intervalMs, FakeCandle c, bool closed, long now) => new Dictionary<string, object?>
    {
        ["e"] = "kline", ["E"] = now, ["s"] = symbol,
        ["k"] = new Dictionary<string, object?>
        {
            ["t"] = c.OpenTime, ["T"] = c.OpenTime + intervalMs - 1, ["s"] = symbol, ["i"] = interval, ["f"] = 1, ["L"] = 2,
            ["o"] = S(c.Open), ["c"] = S(c.Close), ["h"] = S(c.High), ["l"] = S(c.Low), ["v"] = S(c.Volume), ["n"] = 2, ["x"] = closed,
            ["q"] = "0", ["V"] = "0", ["Q"] = "0", ["B"] = "0",
        },
    };

    public static object KlineRow(FakeCandle c, long intervalMs) => new object[]
    {
        c.OpenTime, S(c.Open), S(c.High), S(c.Low), S(c.Close), S(c.Volume), c.OpenTime + intervalMs - 1, "0", 1, "0", "0", "0",
    };
}
