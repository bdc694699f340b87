using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Trading;

namespace Ict.Engine.Live;

/// <summary>
/// The exchange as the kernel's venue. It never blocks: Submit and Cancel hand the request to
/// <see cref="BinanceOrderSender"/> and return at once; acknowledgements, executions and refusals come back later as
/// kernel inputs. Nothing fills at a candle's open or range here: the exchange matches, not the engine.
/// </summary>
internal sealed class BinanceVenue(Func<Symbol, decimal?> lastPrice) : IOrderVenue
{
    private readonly Channel<VenueCommand> _commands = Channel.CreateUnbounded<VenueCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, VenueOrder> _sent = new(StringComparer.Ordinal);

    public ChannelReader<VenueCommand> Commands => _commands.Reader;

    public bool AcknowledgesLater => true;

    /// <summary>The leverage the risk manager approved for the symbol's pending entry (set once the order manager exists).</summary>
    public Func<Symbol, int?> LeverageFor { get; set; } = _ => null;

    public VenueFill? Submit(VenueOrder order, decimal? immediatePrice, DateTimeOffset now)
    {
        _sent[order.ClientOrderId] = order;
        var leverage = order.ReduceOnly ? null : LeverageFor(order.Symbol);
        _commands.Writer.TryWrite(new PlaceCommand(order, immediatePrice ?? lastPrice(order.Symbol)) { Leverage = leverage });
        return null;
    }

    /// <summary>
    /// Cancels by client id. A stop-loss or take-profit (an algo order) needs only its clientAlgoId, so one adopted
    /// from an earlier run can be cancelled too; a regular order needs the symbol it was sent with.
    /// </summary>
    public bool Cancel(string clientOrderId)
    {
        var algo = clientOrderId.EndsWith("-sl", StringComparison.Ordinal) || clientOrderId.EndsWith("-tp", StringComparison.Ordinal);
        _sent.Remove(clientOrderId, out var order);
        if (order is null && !algo)
        {
            return false;
        }

        _commands.Writer.TryWrite(new CancelCommand(clientOrderId, order?.Symbol, algo));
        return true;
    }

    public IReadOnlyList<VenueFill> FillAtOpen(Candle candle) => [];

    public IReadOnlyList<VenueTrigger> CheckTriggers(Candle candle) => [];

    public void Complete() => _commands.Writer.TryComplete();
}

/// <summary>A request for the exchange, in the order the kernel made it.</summary>
internal abstract record VenueCommand(string ClientOrderId);

/// <summary>Place an order; <paramref name="ReferencePrice"/> is used only for a market order's MIN_NOTIONAL check.</summary>
internal sealed record PlaceCommand(VenueOrder Order, decimal? ReferencePrice) : VenueCommand(Order.ClientOrderId)
{
    /// <summary>For an entry: the leverage to set on the symbol first (when it differs from the last one set).</summary>
    public int? Leverage { get; init; }
}

/// <summary>Cancel an order: an algo order by clientAlgoId alone, a regular one with its symbol.</summary>
internal sealed record CancelCommand(string ClientOrderId, Abstractions.Symbol? Symbol, bool Algo) : VenueCommand(ClientOrderId);
