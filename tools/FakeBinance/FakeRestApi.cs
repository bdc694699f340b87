using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FakeBinance;

/// <summary>The REST routes, each behind the same gate: faults, rate limits, API key, signature and timestamp.</summary>
internal static class FakeRestApi
{
    private enum Sec { None, Key, Signed }

    private static readonly string[] Conditional = ["STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"];

    public static void Map(WebApplication app, FakeBinanceServer s)
    {
        var ex = s.Exchange;
        Route(app, s, "GET", "/fapi/v1/ping", Sec.None, 1, false, _ => new { });
        Route(app, s, "GET", "/fapi/v1/time", Sec.None, 1, false, _ => new { serverTime = s.NowMs });
        Route(app, s, "GET", "/fapi/v1/exchangeInfo", Sec.None, 1, false, _ => FakeExchangeInfo.Build(ex.Symbols, s.NowMs));
        Route(app, s, "GET", "/fapi/v1/klines", Sec.None, 5, false, r =>
        {
            var interval = r.Require("interval");
            var limit = (int)Math.Clamp(r.GetLong("limit") ?? 500, 1, 1500);
            return s.Market.Klines(r.Require("symbol"), interval, r.GetLong("startTime"), r.GetLong("endTime"), limit)
                .Select(c => FakeJson.KlineRow(c, FakeMarket.IntervalMs(interval))).ToList();
        });

        Route(app, s, "POST", "/fapi/v1/order", Sec.Signed, 0, true, r =>
        {
            RequirePositionSide(ex, r);
            var type = r.Require("type");
            if (Conditional.Contains(type))
            {
                throw new FakeError(400, -4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
            }

            if (type is not ("MARKET" or "LIMIT"))
            {
                throw new FakeError(400, -1116, "Invalid orderType.");
            }

            var price = type == "LIMIT" ? r.RequireDecimal("price") : 0m;
            return FakeJson.Order(ex.PlaceOrder(r.Require("symbol"), r.Require("side"), type, r.RequireDecimal("quantity"), price,
                r.Get("newClientOrderId"), r.Get("reduceOnly") == "true", r.Get("timeInForce") ?? "GTC"));
        });
        Route(app, s, "GET", "/fapi/v1/order", Sec.Signed, 1, false, r =>
            FakeJson.Order(ex.FindOrder(r.Require("symbol"), r.GetLong("orderId"), r.Get("origClientOrderId"))
                ?? throw new FakeError(400, -2013, "Order does not exist.")));
        Route(app, s, "DELETE", "/fapi/v1/order", Sec.Signed, 1, false, r =>
            FakeJson.Order(ex.CancelOrder(r.Require("symbol"), r.GetLong("orderId"), r.Get("origClientOrderId"))));
        Route(app, s, "GET", "/fapi/v1/openOrders", Sec.Signed, 1, false, r =>
            ex.Orders.Where(o => o.IsOpen && (r.Get("symbol") is not { } sym || o.Symbol == sym)).Select(FakeJson.Order).ToList());

        Route(app, s, "POST", "/fapi/v1/algoOrder", Sec.Signed, 0, true, r =>
        {
            RequirePositionSide(ex, r);
            if (r.Require("algoType") != "CONDITIONAL")
            {
                throw new FakeError(400, -1102, "Mandatory parameter 'algoType' was not sent, was empty/null, or malformed.");
            }

            var type = r.Require("type");
            if (type is not ("STOP_MARKET" or "TAKE_PROFIT_MARKET"))
            {
                throw new FakeError(400, -1116, "Invalid orderType.");
            }

            var close = r.Get("closePosition") == "true";
            return FakeJson.Algo(ex.PlaceAlgo(r.Require("symbol"), r.Require("side"), type, r.RequireDecimal("triggerPrice"),
                close ? 0m : r.RequireDecimal("quantity"), close, r.Get("reduceOnly") == "true", r.Require("clientAlgoId"), r.Get("workingType") ?? "CONTRACT_PRICE"));
        });
        Route(app, s, "GET", "/fapi/v1/algoOrder", Sec.Signed, 1, false, r =>
            FakeJson.Algo(ex.FindAlgo(r.GetLong("algoId"), r.Get("clientAlgoId")) ?? throw new FakeError(400, -2013, "Order does not exist.")));
        Route(app, s, "DELETE", "/fapi/v1/algoOrder", Sec.Signed, 1, false, r =>
        {
            var a = ex.CancelAlgo(r.GetLong("algoId"), r.Get("clientAlgoId"));
            return new { algoId = a.AlgoId, clientAlgoId = a.ClientAlgoId, code = "200", msg = "success" };
        });
        Route(app, s, "GET", "/fapi/v1/openAlgoOrders", Sec.Signed, 1, false, r =>
            ex.AlgoOrders.Where(a => a.IsOpen && (r.Get("symbol") is not { } sym || a.Symbol == sym)).Select(FakeJson.Algo).ToList());
        Route(app, s, "DELETE", "/fapi/v1/algoOpenOrders", Sec.Signed, 1, false, r =>
        {
            foreach (var a in ex.AlgoOrders.Where(a => a.IsOpen && a.Symbol == r.Require("symbol")))
            {
                ex.CancelAlgo(a.AlgoId, null);
            }

            return new { code = 200, msg = "The operation of cancel all open order is done." };
        });

        Route(app, s, "POST", "/fapi/v1/leverage", Sec.Signed, 1, false, r =>
        {
            var lev = (int)(r.GetLong("leverage") ?? 0);
            if (lev is < 1 or > 125)
            {
                throw new FakeError(400, -4028, "Leverage is not valid");
            }

            ex.SetLeverage(r.Require("symbol"), lev);
            return new { leverage = lev, maxNotionalValue = "1000000", symbol = r.Require("symbol") };
        });
        Route(app, s, "GET", "/fapi/v1/userTrades", Sec.Signed, 5, false, r =>
            ex.Trades(r.Require("symbol"), r.GetLong("orderId")).Select(t => new
            {
                symbol = t.Symbol, id = t.Id, orderId = t.OrderId, side = t.Side, price = FakeJson.S(t.Price), qty = FakeJson.S(t.Quantity),
                realizedPnl = FakeJson.S(t.RealizedPnl), marginAsset = "USDT", quoteQty = FakeJson.S(t.Price * t.Quantity),
                commission = FakeJson.S(t.Commission), commissionAsset = "USDT", time = t.Time, positionSide = "BOTH",
                maker = false, buyer = t.Side == "BUY",
            }).ToList());
        Route(app, s, "GET", "/fapi/v1/positionSide/dual", Sec.Signed, 30, false, _ => new { dualSidePosition = ex.HedgeMode });
        Route(app, s, "POST", "/fapi/v1/marginType", Sec.Signed, 1, false, r =>
        {
            ex.SetMarginType(r.Require("symbol"), r.Require("marginType"));
            return new { code = 200, msg = "success" };
        });
        foreach (var path in new[] { "/fapi/v3/balance", "/fapi/v2/balance" })
        {
            Route(app, s, "GET", path, Sec.Signed, 5, false, _ => new[] { FakeExchangeInfo.Balance(ex.Wallet, s.NowMs) });
        }

        Route(app, s, "GET", "/fapi/v3/positionRisk", Sec.Signed, 5, false, r =>
            ex.Positions.Where(p => p.Amount != 0 && (r.Get("symbol") is not { } sym || p.Symbol == sym))
                .Select(p => FakeExchangeInfo.Position(p, ex.Price(p.Symbol) ?? p.EntryPrice, s.NowMs)).ToList());

        Route(app, s, "POST", "/fapi/v1/listenKey", Sec.Key, 1, false, _ => new { listenKey = s.ListenKeys.CreateOrExtend() });
        Route(app, s, "PUT", "/fapi/v1/listenKey", Sec.Key, 1, false, _ => new { listenKey = s.ListenKeys.KeepAlive() });
        Route(app, s, "DELETE", "/fapi/v1/listenKey", Sec.Key, 1, false, _ =>
        {
            s.ListenKeys.Delete();
            return new { };
        });
    }

    /// <summary>In Hedge Mode Binance refuses an order that names no side of the position (positionSide BOTH, the default).</summary>
    private static void RequirePositionSide(FakeExchange ex, FakeRequest r)
    {
        if (ex.HedgeMode && r.Get("positionSide") is not ("LONG" or "SHORT"))
        {
            throw new FakeError(400, -4061, "Order's position side does not match user's setting.");
        }
    }

    private static void Route(WebApplication app, FakeBinanceServer s, string method, string path, Sec sec, int weight, bool isOrder, Func<FakeRequest, object> handler) =>
        app.MapMethods(path, [method], (HttpContext ctx) => HandleAsync(ctx, s, sec, weight, isOrder, handler));

    private static async Task HandleAsync(HttpContext ctx, FakeBinanceServer s, Sec sec, int weight, bool isOrder, Func<FakeRequest, object> handler)
    {
        var request = await FakeRequest.ReadAsync(ctx).ConfigureAwait(false);
        s.Record(request);
        if (s.Faults.ResponseDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(s.Faults.ResponseDelay, ctx.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
            {
                s.RecordAborted(request); // the client went away while delayed: nothing was executed
                return;
            }
        }

        var usage = s.Usage.Add(s.NowMs, weight, isOrder);
        ctx.Response.Headers["X-MBX-USED-WEIGHT-1M"] = usage.Weight.ToString(CultureInfo.InvariantCulture);
        if (isOrder)
        {
            ctx.Response.Headers["X-MBX-ORDER-COUNT-10S"] = usage.Orders10s.ToString(CultureInfo.InvariantCulture);
            ctx.Response.Headers["X-MBX-ORDER-COUNT-1M"] = usage.Orders1m.ToString(CultureInfo.InvariantCulture);
        }

        object result;
        try
        {
            if (s.Faults.TradingOutage && sec == Sec.Signed)
            {
                throw new FakeError(503, -1000, "Unknown error, please check your request or try again later.");
            }

            Gate(ctx, s, request, sec, isOrder);
            var unknown = isOrder && s.Faults.TakeUnknownError();
            if (unknown && !s.Faults.ExecuteDespiteUnknownError)
            {
                throw new FakeError(503, -1000, "Unknown error, please check your request or try again later.");
            }

            result = handler(request);
            if (unknown)
            {
                throw new FakeError(503, -1000, "Unknown error, please check your request or try again later.");
            }
        }
        catch (FakeError e)
        {
            ctx.Response.StatusCode = e.HttpStatus;
            result = new { code = e.Code, msg = e.Message };
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(result), ctx.RequestAborted).ConfigureAwait(false);
    }

    private static void Gate(HttpContext ctx, FakeBinanceServer s, FakeRequest r, Sec sec, bool isOrder)
    {
        if (s.Faults.TakeRateLimit())
        {
            ctx.Response.Headers["Retry-After"] = ((int)Math.Ceiling(s.Faults.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            throw new FakeError(s.Faults.RateLimitStatus, -1003, "Too many requests; current limit is 2400 requests per minute. Please use the websocket for live updates to avoid polling the API.");
        }

        if (sec == Sec.None)
        {
            return;
        }

        if (ctx.Request.Headers["X-MBX-APIKEY"].ToString() != s.Options.ApiKey)
        {
            throw new FakeError(401, -2015, "Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1");
        }

        if (sec == Sec.Key)
        {
            return;
        }

        if (!r.HasValidSignature(s.Options.ApiSecret))
        {
            throw new FakeError(400, -1022, "Signature for this request is not valid.");
        }

        var ts = r.GetLong("timestamp") ?? throw new FakeError(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        var window = r.GetLong("recvWindow") ?? 5000;
        var now = s.NowMs;
        if (ts >= now + 1000)
        {
            throw new FakeError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }

        if (now - ts > window)
        {
            throw new FakeError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }

        if (isOrder && s.Faults.TakeReject() is { } reject)
        {
            throw new FakeError(reject.Status, reject.Code, reject.Message);
        }
    }
}
