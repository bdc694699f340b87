using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>The engine's record of one open position.</summary>
internal sealed class OpenPosition
{
    public required string SignalId { get; init; }

    public required string StrategyId { get; init; }

    public required Symbol Symbol { get; init; }

    public required PositionSide Side { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal EntryPrice { get; init; }

    public required decimal EntryFee { get; init; }

    public required int Leverage { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public decimal? StopLoss { get; set; }

    public decimal? TakeProfit { get; set; }

    public string? StopLossOrderId { get; set; }

    public string? TakeProfitOrderId { get; set; }

    public decimal Margin => Quantity * EntryPrice / Leverage;

    /// <summary>The money at risk when the position opened: entry to the initial stop, times the size.</summary>
    public decimal InitialRisk { get; init; }

    /// <summary>
    /// Closed on the exchange before this run started (found at start-up reconciliation): its exit is recorded as a
    /// trade without moving the balance, which is the exchange wallet and already holds the result.
    /// </summary>
    public bool ClosedBeforeThisRun { get; init; }

    /// <summary>Funding paid while open (negative when received).</summary>
    public decimal FundingPaid { get; set; }

    public decimal PnlAt(decimal price) => (Side == PositionSide.Long ? price - EntryPrice : EntryPrice - price) * Quantity;

    public PositionView ToView(decimal markPrice) =>
        new(Symbol, Side, Quantity, EntryPrice, StopLoss, TakeProfit, Leverage, OpenedAt, markPrice, PnlAt(markPrice), StrategyId);
}
