using Ict.Abstractions;

namespace Ict.Engine.Trading;

/// <summary>The engine's own books: balance, open positions, last prices, equity and its peak.</summary>
internal sealed class Portfolio(string asset, decimal startingBalance)
{
    private readonly Dictionary<Symbol, OpenPosition> _positions = [];
    private readonly Dictionary<Symbol, decimal> _marks = [];

    public string Asset { get; } = asset;

    public decimal Balance { get; private set; } = startingBalance;

    public decimal PeakEquity { get; private set; } = startingBalance;

    public IReadOnlyCollection<OpenPosition> Positions => _positions.Values;

    public decimal Equity
    {
        get
        {
            var equity = Balance;
            foreach (var position in _positions.Values)
            {
                equity += position.PnlAt(Mark(position.Symbol, position.EntryPrice));
            }

            return equity;
        }
    }

    public decimal AvailableBalance => Equity - _positions.Values.Sum(p => p.Margin);

    // Flat (the usual case, asked on every candle) needs no lookup.
    public OpenPosition? Get(Symbol symbol) => _positions.Count == 0 ? null : _positions.GetValueOrDefault(symbol);

    public decimal Mark(Symbol symbol, decimal fallback) => _marks.TryGetValue(symbol, out var price) ? price : fallback;

    public decimal? LastPrice(Symbol symbol) => _marks.TryGetValue(symbol, out var price) ? price : null;

    /// <summary>Marks a symbol to a price, updates the equity peak and returns the equity.</summary>
    public decimal MarkToMarket(Symbol symbol, decimal price)
    {
        _marks[symbol] = price;
        var equity = Equity;
        PeakEquity = Math.Max(PeakEquity, equity);
        return equity;
    }

    /// <summary>Applies one funding payment at the last mark: longs pay a positive rate, shorts receive it.</summary>
    public decimal ApplyFunding(OpenPosition position, decimal rate)
    {
        var notional = position.Quantity * Mark(position.Symbol, position.EntryPrice);
        var paid = Math.Round(notional * rate * (position.Side == PositionSide.Long ? 1 : -1), 8, MidpointRounding.AwayFromZero);
        position.FundingPaid += paid;
        Balance -= paid;
        return paid;
    }

    /// <summary>Tracks a new position and charges its entry fee (unless the exchange wallet this run started from already paid it).</summary>
    public void Open(OpenPosition position, bool chargeFee = true)
    {
        _positions.Add(position.Symbol, position);
        if (chargeFee)
        {
            Balance -= position.EntryFee;
        }
    }

    /// <summary>
    /// Tracks a position opened in an earlier run (start-up reconciliation). Its entry fee is not charged: this run's
    /// balance is the exchange wallet, which paid it when the position opened.
    /// </summary>
    public void Adopt(OpenPosition position) => _positions.Add(position.Symbol, position);

    /// <summary>Closes a position at a price; returns the closed trade.</summary>
    public TradeView Close(OpenPosition position, decimal exitPrice, decimal exitFee, DateTimeOffset time, ExitReason reason)
    {
        var trade = Remove(position, exitPrice, exitFee, time, reason);
        Balance += trade.GrossPnl - exitFee;
        PeakEquity = Math.Max(PeakEquity, Equity);
        return trade;
    }

    /// <summary>
    /// Closes a position the exchange closed before this run began (start-up reconciliation): the trade is returned for
    /// the record, but the balance does not move, because the wallet this run started from already holds its result.
    /// </summary>
    public TradeView CloseSettled(OpenPosition position, decimal exitPrice, decimal exitFee, DateTimeOffset time, ExitReason reason) =>
        Remove(position, exitPrice, exitFee, time, reason);

    private TradeView Remove(OpenPosition position, decimal exitPrice, decimal exitFee, DateTimeOffset time, ExitReason reason)
    {
        _positions.Remove(position.Symbol);
        var gross = position.PnlAt(exitPrice);
        var fees = position.EntryFee + exitFee;
        // Funding was taken from the balance when it was paid; the trade's net result includes it.
        return new TradeView(position.Symbol, position.Side, position.Quantity, position.EntryPrice, exitPrice,
            position.OpenedAt, time, gross, fees, gross - fees - position.FundingPaid, reason, position.StrategyId);
    }

    public AccountView ToView() => new(Asset, Balance, Equity, AvailableBalance, PeakEquity);

    public IReadOnlyList<PositionView> PositionViews() =>
        _positions.Values.OrderBy(p => p.Symbol.Value, StringComparer.Ordinal).Select(p => p.ToView(Mark(p.Symbol, p.EntryPrice))).ToList();
}
