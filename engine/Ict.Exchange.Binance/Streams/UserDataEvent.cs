using Ict.Exchange.Binance.Models;

namespace Ict.Exchange.Binance.Streams;

/// <summary>What the user-data stream reports, in arrival order.</summary>
public abstract record UserDataEvent;

/// <summary>ORDER_TRADE_UPDATE: a regular order (or the child of a triggered algo order) changed or filled.</summary>
public sealed record OrderUpdated(OrderTradeUpdateEvent Event) : UserDataEvent;

/// <summary>ACCOUNT_UPDATE: balances and changed positions.</summary>
public sealed record AccountUpdated(AccountUpdateEvent Event) : UserDataEvent;

/// <summary>ALGO_UPDATE: a conditional order changed (caid = our clientAlgoId; ai = the child order id once triggered).</summary>
public sealed record AlgoOrderUpdated(AlgoUpdateEvent Event) : UserDataEvent;

/// <summary>
/// The stream was (re)connected after a gap (drop, planned reconnect or a new listenKey): events may have been lost,
/// so the consumer must reconcile orders and positions over REST.
/// </summary>
public sealed record UserStreamResumed(string Reason, bool NewListenKey) : UserDataEvent;
