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
/// </summary>
internal sealed class BinanceOrderSender(
    BinanceRestClient rest,
    BinanceTradingClient trading,
    ChannelReader<VenueCommand> commands,
    ChannelWriter<KernelInput> kernel,
    UserDataPump userData,
    BinanceCredentials credentials,
    TimeProvider time,
    MarginType marginType)
{
    private readonly Dictionary<Symbol, int> _leverage = [];
    private readonly HashSet<Symbol> _marginTypeSet = [];

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var command in commands.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var report = await SendAsync(command, ct).ConfigureAwait(false);
                if (report is not null)
                {
                    await kernel.WriteAsync(report, ct).ConfigureAwait(false);
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
