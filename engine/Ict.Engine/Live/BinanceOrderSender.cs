using System.Globalization;
using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Trading;
using Ict.Exchange.Binance.Config;
using Ict.Exchange.Binance.Filters;
using Ict.Exchange.Binance.Orders;
using Ict.Exchange.Binance.Rest;

namespace Ict.Engine.Live;

/// <summary>
/// Sends the venue's requests to Binance one at a time, in order (a stop-loss is never overtaken by its
/// take-profit or by a cancel): entries and exits as MARKET on /fapi/v1/order, stop-loss and take-profit as
/// STOP_MARKET / TAKE_PROFIT_MARKET algo orders with our clientAlgoId. Every outcome goes back to the kernel as an input.
/// A request whose outcome stays unknown after the client's retries (the exchange unreachable) is reported as
/// <see cref="VenueFailed"/> and settled later: before the next request, and every <c>recheckEvery</c> while any is
/// unsettled, it is looked up by client id. Found: acknowledged. Not there: sent again with the same id (an entry only
/// while younger than <c>resendWindow</c>, else refused, since its signal is stale). A cancel is simply sent again.
/// </summary>
internal sealed class BinanceOrderSender(
    BinanceRestClient rest,
    BinanceTradingClient trading,
    ChannelReader<VenueCommand> commands,
    ChannelWriter<KernelInput> kernel,
    UserDataPump userData,
    BinanceCredentials credentials,
    TimeProvider time,
    MarginType marginType,
    TimeSpan recheckEvery,
    TimeSpan resendWindow,
    Serilog.ILogger log)
{
    private readonly Dictionary<Symbol, int> _leverage = [];
    private readonly HashSet<Symbol> _marginTypeSet = [];
    private readonly List<(VenueCommand Command, DateTimeOffset FirstSent)> _unsettled = [];

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (await WaitForWorkAsync(ct).ConfigureAwait(false))
            {
                await SettleAsync(ct).ConfigureAwait(false);
                while (commands.TryRead(out var command))
                {
                    var sentAt = time.GetUtcNow();
                    var report = await SendAsync(command, ct).ConfigureAwait(false);
                    if (report is VenueFailed)
                    {
                        _unsettled.Add((command, sentAt));
                    }

                    if (report is not null)
                    {
                        await kernel.WriteAsync(report, ct).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
            // the kernel has stopped: nobody is left to tell
        }
    }

    // True when there is a command to send or, with unsettled requests, when the recheck is due; false once the
    // venue has completed its channel.
    private async Task<bool> WaitForWorkAsync(CancellationToken ct)
    {
        if (_unsettled.Count == 0)
        {
            return await commands.WaitToReadAsync(ct).ConfigureAwait(false);
        }

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var readable = commands.WaitToReadAsync(stopWaiting.Token).AsTask();
        var recheck = Task.Delay(recheckEvery, time, stopWaiting.Token);
        var first = await Task.WhenAny(readable, recheck).ConfigureAwait(false);
        await stopWaiting.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return first == recheck || await readable.ConfigureAwait(false);
    }

    // Oldest first, so a stop-loss is settled before its take-profit. Stops at the first lookup that fails: the
    // exchange is still out of reach, and the rest wait for the next recheck.
    private async Task SettleAsync(CancellationToken ct)
    {
        while (_unsettled.Count > 0)
        {
            var (command, firstSent) = _unsettled[0];
            KernelInput? report;
            try
            {
                report = await SettleOneAsync(command, firstSent, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is BinanceApiException or HttpRequestException or TimeoutException or TaskCanceledException or IOException)
            {
                return;
            }

            if (report is VenueFailed)
            {
                return;
            }

            _unsettled.RemoveAt(0);
            if (report is not null)
            {
                await kernel.WriteAsync(report, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<KernelInput?> SettleOneAsync(VenueCommand command, DateTimeOffset firstSent, CancellationToken ct)
    {
        var id = command.ClientOrderId;
        if (command is not PlaceCommand place)
        {
            var again = await SendAsync(command, ct).ConfigureAwait(false);
            if (again is not VenueFailed)
            {
                log.Information("Order {ClientOrderId}: the exchange answers again; its cancel went through", id);
            }

            return again;
        }

        var found = IsConditional(place.Order.Type)
            ? (await trading.FindAlgoOrderAsync(id, ct).ConfigureAwait(false))?.AlgoId
            : (await trading.FindOrderAsync(place.Order.Symbol.Value, id, ct).ConfigureAwait(false))?.OrderId;
        if (found is { } exchangeId)
        {
            log.Information("Order {ClientOrderId}: the exchange answers again; it had the order (id {ExchangeOrderId})", id, exchangeId);
            return new VenueAcknowledged(id, exchangeId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
        }

        var entry = !place.Order.ReduceOnly && !IsConditional(place.Order.Type);
        var age = time.GetUtcNow() - firstSent;
        if (entry && age >= resendWindow)
        {
            log.Warning("Order {ClientOrderId}: the exchange answers again; the entry never reached it and is {Seconds} s old: not sent", id, (long)age.TotalSeconds);
            return new VenueRefused(id, VenueRefusal.Other,
                string.Create(CultureInfo.InvariantCulture, $"never reached the exchange, out of reach for {(long)age.TotalSeconds} s (over exchange.resendIntentsYoungerThan): not sent"),
                time.GetUtcNow());
        }

        log.Information("Order {ClientOrderId}: the exchange answers again; the order never reached it: sent now, same client id", id);
        return await SendAsync(command, ct).ConfigureAwait(false);
    }

    private async Task<KernelInput?> SendAsync(VenueCommand command, CancellationToken ct)
    {
        var id = command.ClientOrderId;
        try
        {
            return command switch
            {
                PlaceCommand place when IsConditional(place.Order.Type) => await PlaceAlgoAsync(place.Order, ct).ConfigureAwait(false),
                PlaceCommand place => await PlaceAsync(place.Order, place.ReferencePrice, place.Leverage, ct).ConfigureAwait(false),
                CancelCommand cancel => await CancelAsync(cancel, ct).ConfigureAwait(false),
                _ => null,
            };
        }
        catch (BinanceOrderRejectedException e)
        {
            return new VenueRefused(id, Map(e.Rejection), Describe(e), time.GetUtcNow());
        }
        catch (OrderValidationException e)
        {
            var refusal = e.Filter == "MIN_NOTIONAL" ? VenueRefusal.MinNotional : VenueRefusal.Other;
            return new VenueRefused(id, refusal, "not sent: " + e.Message, time.GetUtcNow());
        }
        catch (BinanceApiException e) when (e.HttpStatus is >= 400 and < 500 && e.Kind != BinanceErrorKind.Unknown)
        {
            return new VenueRefused(id, VenueRefusal.Other, Describe(e), time.GetUtcNow());
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is BinanceApiException or HttpRequestException or TimeoutException or TaskCanceledException or IOException)
        {
            return new VenueFailed(id, Redaction.Redact(e.GetType().Name + ": " + e.Message, credentials), time.GetUtcNow());
        }
    }

    private async Task<KernelInput> PlaceAsync(VenueOrder order, decimal? referencePrice, int? leverage, CancellationToken ct)
    {
        if (!order.ReduceOnly && !_marginTypeSet.Contains(order.Symbol))
        {
            // Once per symbol and run, before its first entry. "No need to change" (-4046) is success (the client says
            // so); any other refusal (e.g. -4048, a position is open) refuses this entry rather than trade on a margin
            // type nobody chose.
            await rest.SetMarginTypeAsync(order.Symbol.Value, marginType == MarginType.Isolated, ct).ConfigureAwait(false);
            _marginTypeSet.Add(order.Symbol);
        }

        if (leverage is { } wanted && (!_leverage.TryGetValue(order.Symbol, out var set) || set != wanted))
        {
            await rest.SetLeverageAsync(order.Symbol.Value, wanted, ct).ConfigureAwait(false); // before the entry, so its margin is what risk approved
            _leverage[order.Symbol] = wanted;
        }

        userData.Track(order.ClientOrderId, algo: false, order.Symbol.Value);
        var sent = new NewOrder(order.Symbol, order.Side, OrderType.Market, order.Quantity, ClientIds.Require(order.ClientOrderId),
            ReferencePrice: referencePrice, ReduceOnly: order.ReduceOnly);
        var response = await trading.PlaceOrderAsync(sent, ct).ConfigureAwait(false);
        return new VenueAcknowledged(order.ClientOrderId, response.OrderId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
    }

    private async Task<KernelInput> PlaceAlgoAsync(VenueOrder order, CancellationToken ct)
    {
        userData.Track(order.ClientOrderId, algo: true, order.Symbol.Value);
        var sent = new AlgoOrder(order.Symbol, order.Side, order.Type, order.TriggerPrice!.Value, ClientIds.Require(order.ClientOrderId),
            Quantity: order.Quantity, ReduceOnly: true);
        var response = await trading.PlaceAlgoOrderAsync(sent, ct).ConfigureAwait(false);
        return new VenueAcknowledged(order.ClientOrderId, response.AlgoId.ToString(CultureInfo.InvariantCulture), time.GetUtcNow());
    }

    private async Task<KernelInput?> CancelAsync(CancelCommand cancel, CancellationToken ct)
    {
        try
        {
            if (cancel.Algo)
            {
                await trading.CancelAlgoOrderAsync(cancel.ClientOrderId, ct).ConfigureAwait(false);
            }
            else if (cancel.Symbol is { } symbol)
            {
                await trading.CancelOrderAsync(symbol.Value, cancel.ClientOrderId, ct).ConfigureAwait(false);
            }
        }
        catch (BinanceApiException e) when (e.IsOrderNotFound)
        {
            // already filled, triggered or cancelled: nothing left to cancel
        }

        return null;
    }

    private string Describe(BinanceApiException e) =>
        Redaction.Redact(string.Create(CultureInfo.InvariantCulture, $"{e.Code} {e.BinanceMessage}"), credentials);

    private static bool IsConditional(OrderType type) => type is OrderType.StopMarket or OrderType.TakeProfitMarket;

    private static VenueRefusal Map(BinanceRejection rejection) => rejection switch
    {
        BinanceRejection.WouldImmediatelyTrigger => VenueRefusal.WouldImmediatelyTrigger,
        BinanceRejection.MinNotional => VenueRefusal.MinNotional,
        BinanceRejection.InsufficientMargin => VenueRefusal.InsufficientMargin,
        BinanceRejection.ReduceOnlyRejected => VenueRefusal.ReduceOnlyRejected,
        _ => VenueRefusal.Other,
    };
}
