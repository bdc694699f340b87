using System.Globalization;
using Ict.Engine.State;
using Ict.Exchange.Binance.Models;
using Ict.Exchange.Binance.Rest;

namespace Ict.Engine.Live;

/// <summary>
/// Start-up reconciliation: compares what earlier runs left open in the database with the exchange's open orders,
/// open algo orders and positions. Positions still open are adopted (a missing stop-loss or take-profit is placed
/// again); an entry intent is looked up by its client id and adopted if it reached the exchange, sent once if it did
/// not (and is recent), dropped if stale; our orders the database no longer wants are cancelled; foreign orders and
/// unmanaged positions are reported and left alone.
/// </summary>
internal static class Reconciler
{
    private const string OurPrefix = "ict-";

    public static async Task<ReconcilePlan> BuildAsync(
        StateStore store, long runId, string mode, BinanceTradingClient trading, BinanceRestClient rest, TimeSpan resendWindow, DateTimeOffset now,
        string asset, CancellationToken ct)
    {
        var plan = new ReconcilePlan(mode);
        var positions = store.OpenPositionsBefore(runId, mode);
        var orders = store.WorkingOrdersBefore(runId, mode);
        var openOrders = await trading.GetOpenOrdersAsync(null, ct).ConfigureAwait(false);
        var openAlgos = await trading.GetOpenAlgoOrdersAsync(null, ct).ConfigureAwait(false);
        var risk = await rest.GetPositionRiskAsync(null, ct).ConfigureAwait(false);
        var exchangePositions = risk.Where(p => p.PositionAmt != 0).ToDictionary(p => p.Symbol, StringComparer.Ordinal);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var managedSymbols = new HashSet<string>(StringComparer.Ordinal);

        foreach (var position in positions)
        {
            var long_ = position.Side == "Long";
            var sl = orders.FirstOrDefault(o => o.SignalId == position.SignalId && o.Role == "stop_loss");
            var tp = orders.FirstOrDefault(o => o.SignalId == position.SignalId && o.Role == "take_profit");
            if (exchangePositions.TryGetValue(position.Symbol, out var live) && (live.PositionAmt > 0) == long_)
            {
                plan.Positions.Add(position);
                managedSymbols.Add(position.Symbol);
                foreach (var leg in new[] { sl, tp })
                {
                    if (leg is not null && openAlgos.Any(a => a.ClientAlgoId == leg.ClientOrderId))
                    {
                        plan.WorkingProtection.Add(leg);
                        wanted.Add(leg.ClientOrderId);
                    }
                }

                plan.Notes.Add($"adopted {position.Side} {position.Symbol} {position.Quantity} (signal {position.SignalId})");
                continue;
            }

            // Gone from the exchange: find which of its exits fired, to record the trade.
            var closed = false;
            foreach (var leg in new[] { sl, tp })
            {
                if (leg is null || await trading.FindAlgoOrderAsync(leg.ClientOrderId, ct).ConfigureAwait(false) is not { ActualQty: > 0 } fired)
                {
                    continue;
                }

                var exitFee = long.TryParse(fired.ActualOrderId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var child) && child > 0
                    ? await FeeAsync(trading, position.Symbol, child, asset, plan, ct).ConfigureAwait(false)
                    : 0m;
                plan.ClosedWhileAway.Add((position, leg, fired.ActualQty, fired.ActualPrice, exitFee, Time(fired.TriggerTime > 0 ? fired.TriggerTime : fired.UpdateTime, now)));
                plan.Notes.Add($"{position.Symbol} (signal {position.SignalId}) was closed by its {leg.Role} at {Text(fired.ActualPrice)} while the engine was down");
                closed = true;
                break;
            }

            if (!closed)
            {
                // Closed by hand or liquidated: the real fill is not ours to look up. Estimate the exit from the market.
                var last = await LastCloseAsync(rest, position.Symbol, now, ct).ConfigureAwait(false);
                if (last is { } estimate)
                {
                    plan.ClosedElsewhere.Add((position, estimate.Close, estimate.CloseTime));
                    plan.Notes.Add($"WARNING: {position.Symbol} (signal {position.SignalId}) is no longer open on the exchange and no exit of ours fired "
                        + $"(closed by hand or liquidated while the engine was down): trade recorded at an ESTIMATED exit of {Text(estimate.Close)}, "
                        + $"the last 1m close at {estimate.CloseTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (trades.exit_estimated = 1)");
                }
                else
                {
                    plan.Notes.Add($"WARNING: {position.Symbol} (signal {position.SignalId}) is no longer open on the exchange and no exit of ours fired: "
                        + "closed elsewhere; no recent price to estimate its exit, no trade recorded");
                }
            }
        }

        foreach (var entry in orders.Where(o => o.Role == "entry"))
        {
            if (entry.StrategyId is null)
            {
                plan.Notes.Add($"entry {entry.ClientOrderId} has no signal row; dropped");
                continue;
            }

            var found = await trading.FindOrderAsync(entry.Symbol, entry.ClientOrderId, ct).ConfigureAwait(false);
            switch (found?.Status)
            {
                case "FILLED":
                    plan.FilledEntries.Add((entry, found.ExecutedQty, found.AvgPrice, await FeeAsync(trading, entry.Symbol, found.OrderId, asset, plan, ct).ConfigureAwait(false),
                        Time(found.UpdateTime, now)));
                    managedSymbols.Add(entry.Symbol);
                    plan.Notes.Add($"entry {entry.ClientOrderId} had filled at {Text(found.AvgPrice)}: position opened, SL/TP placed");
                    break;
                case "NEW" or "PARTIALLY_FILLED":
                    plan.WorkingEntries.Add(entry);
                    wanted.Add(entry.ClientOrderId);
                    managedSymbols.Add(entry.Symbol);
                    plan.Notes.Add($"entry {entry.ClientOrderId} is working on the exchange: adopted");
                    break;
                case null when IsYoung(entry, now, resendWindow):
                    plan.EntriesToSend.Add(entry);
                    managedSymbols.Add(entry.Symbol);
                    plan.Notes.Add($"entry {entry.ClientOrderId} never reached the exchange: sent now, once, with the same client id");
                    break;
                case null:
                    plan.Notes.Add($"entry {entry.ClientOrderId} never reached the exchange and its signal is stale: dropped");
                    break;
                default:
                    plan.Notes.Add($"entry {entry.ClientOrderId} ended on the exchange ({found.Status})");
                    break;
            }
        }

        // Ours but no longer wanted: cancel. Someone else's: report only.
        foreach (var o in openOrders)
        {
            await SettleOrphanAsync(o.ClientOrderId, wanted, plan, () => trading.CancelOrderAsync(o.Symbol, o.ClientOrderId, ct)).ConfigureAwait(false);
        }

        foreach (var a in openAlgos)
        {
            await SettleOrphanAsync(a.ClientAlgoId ?? string.Empty, wanted, plan, () => trading.CancelAlgoOrderAsync(a.ClientAlgoId!, ct)).ConfigureAwait(false);
        }

        foreach (var p in exchangePositions.Values.Where(p => !managedSymbols.Contains(p.Symbol)))
        {
            plan.Notes.Add($"WARNING: {p.Symbol} has a position of {Text(p.PositionAmt)} on the exchange that this engine does not manage; left alone");
        }

        return plan;
    }

    // The symbol's last closed 1-minute candle of the last ten minutes: the exchange's latest price we can date.
    /// <summary>
    /// What an order that filled while the engine was down paid in commission, from its trades (/fapi/v1/userTrades).
    /// Zero, with a note, when it cannot be told: paid in another asset (BNB), or the lookup failed.
    /// </summary>
    private static async Task<decimal> FeeAsync(BinanceTradingClient trading, string symbol, long orderId, string asset, ReconcilePlan plan, CancellationToken ct)
    {
        try
        {
            if (await trading.GetOrderCommissionAsync(symbol, orderId, asset, ct).ConfigureAwait(false) is { } fee)
            {
                return fee;
            }

            plan.Notes.Add($"order {orderId} on {symbol} paid commission in an asset other than {asset}: recorded without its fee");
        }
        catch (BinanceApiException e)
        {
            plan.Notes.Add($"the trades of order {orderId} on {symbol} could not be read ({e.Message}): recorded without its fee");
        }

        return 0m;
    }

    private static async Task<Abstractions.Candle?> LastCloseAsync(BinanceRestClient rest, string symbol, DateTimeOffset now, CancellationToken ct)
    {
        var candles = await rest.GetClosedCandlesSinceAsync(new Abstractions.Symbol(symbol), Abstractions.Interval.Parse("1m"),
            now.ToUnixTimeMilliseconds() - (long)TimeSpan.FromMinutes(10).TotalMilliseconds, ct).ConfigureAwait(false);
        return candles.Count > 0 ? candles[^1] : null;
    }

    private static async Task SettleOrphanAsync(string clientId, HashSet<string> wanted, ReconcilePlan plan, Func<Task> cancel)
    {
        if (wanted.Contains(clientId))
        {
            return;
        }

        if (!clientId.StartsWith(OurPrefix, StringComparison.Ordinal))
        {
            plan.Notes.Add($"order {clientId} on the exchange is not ours; left alone");
            return;
        }

        try
        {
            await cancel().ConfigureAwait(false);
            plan.Notes.Add($"cancelled orphan order {clientId}");
        }
        catch (BinanceApiException e) when (e.IsOrderNotFound)
        {
        }
    }

    /// <summary>
    /// Whether an entry intent is young enough to send at start-up. Its age is on the wall clock: from when the intent
    /// was first handed to the sender (<c>intent_wall_utc</c>) to <paramref name="now"/>, read from the same
    /// TimeProvider. A row without it (written before schema 3) falls back to its engine time, the candle's close.
    /// </summary>
    internal static bool IsYoung(CarriedOrder entry, DateTimeOffset now, TimeSpan window) =>
        now - (IntentWall(entry) ?? Time(entry.CreatedTime, now)) < window;

    /// <summary>When the order's intent was first handed over, wall clock; null when not recorded.</summary>
    internal static DateTimeOffset? IntentWall(CarriedOrder order) =>
        order.IntentWallUtc is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;

    private static DateTimeOffset Time(long ms, DateTimeOffset fallback) => ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : fallback;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
