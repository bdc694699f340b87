namespace FakeBinance;

/// <summary>
/// The fake's account and matching engine (one-way mode): market orders fill at the current price, limit orders
/// when the price crosses them, conditional orders trigger on the price path and fill as a MARKET child order.
/// Every change is published as the user-data event Binance would send.
/// </summary>
public sealed class FakeExchange
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeSymbol> _symbols;
    private readonly Dictionary<string, decimal> _prices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePosition> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _leverage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _marginTypes = new(StringComparer.Ordinal);
    private readonly List<FakeOrder> _orders = [];
    private readonly List<FakeTrade> _trades = [];
    private readonly List<FakeAlgoOrder> _algos = [];
    private readonly Func<long> _now;
    private long _nextOrderId = 8_000_000_000;
    private long _nextAlgoId = 3_000_000_000_000_000;
    private long _nextTradeId = 1;

    public FakeExchange(IEnumerable<FakeSymbol> symbols, decimal wallet, Func<long> now)
    {
        _symbols = symbols.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Wallet = wallet;
        _now = now;
    }

    /// <summary>A user-data event (already in Binance's shape) for every listener.</summary>
    public event Action<string, object>? UserEvent;

    public decimal Wallet { get; private set; }

    /// <summary>Send ALGO_UPDATE TRIGGERED before the child order's fill (Binance has been seen doing both orders).</summary>
    public bool TriggeredBeforeFill { get; set; }

    public IReadOnlyCollection<FakeSymbol> Symbols => _symbols.Values;

    /// <summary>The taker commission the fake charges on every fill (0.05%, in USDT).</summary>
    public static decimal Commission(decimal quantity, decimal price) => quantity * price * 0.0005m;

    /// <summary>The account's fills on a symbol (all of them, or one order's), oldest first, as /fapi/v1/userTrades lists them.</summary>
    public IReadOnlyList<FakeTrade> Trades(string symbol, long? orderId)
    {
        lock (_gate)
        {
            return _trades.Where(t => t.Symbol == symbol && (orderId is null || t.OrderId == orderId)).ToList();
        }
    }

    /// <summary>Changes a symbol's exchangeInfo status (TRADING, SETTLING, CLOSE, …).</summary>
    public void SetSymbolStatus(string name, string status)
    {
        lock (_gate)
        {
            _symbols[name] = Symbol(name) with { Status = status };
        }
    }

    public FakeSymbol Symbol(string name) =>
        _symbols.TryGetValue(name, out var s) ? s : throw new FakeError(400, -1121, "Invalid symbol.");

    public IReadOnlyList<FakeOrder> Orders { get { lock (_gate) { return _orders.ToList(); } } }

    public IReadOnlyList<FakeAlgoOrder> AlgoOrders { get { lock (_gate) { return _algos.ToList(); } } }

    public IReadOnlyList<FakePosition> Positions { get { lock (_gate) { return _positions.Values.ToList(); } } }

    public decimal? Price(string symbol) { lock (_gate) { return _prices.TryGetValue(symbol, out var p) ? p : null; } }

    public int Leverage(string symbol) { lock (_gate) { return _leverage.GetValueOrDefault(symbol, 20); } }

    public void SetLeverage(string symbol, int leverage) { lock (_gate) { _leverage[symbol] = leverage; } }

    /// <summary>
    /// The account's position mode: false (One-way, Binance's default) or true (Hedge Mode), where an order without a
    /// LONG or SHORT positionSide is refused with -4061.
    /// </summary>
    public bool HedgeMode { get; set; }

    /// <summary>The symbol's margin type, <c>CROSSED</c> (Binance's default) until changed.</summary>
    public string MarginType(string symbol) { lock (_gate) { return _marginTypes.GetValueOrDefault(symbol, "CROSSED"); } }

    /// <summary>Changes the margin type as Binance does: -4046 when it already is that, -4048 with a position open.</summary>
    public void SetMarginType(string symbol, string marginType)
    {
        lock (_gate)
        {
            Symbol(symbol);
            if (marginType is not ("ISOLATED" or "CROSSED"))
            {
                throw new FakeError(400, -1116, "Invalid marginType.");
            }

            if (_marginTypes.GetValueOrDefault(symbol, "CROSSED") == marginType)
            {
                throw new FakeError(400, -4046, "No need to change margin type.");
            }

            if (_positions.TryGetValue(symbol, out var open) && open.Amount != 0)
            {
                throw new FakeError(400, -4048, "Margin type cannot be changed if there exists position.");
            }

            _marginTypes[symbol] = marginType;
        }
    }

    /// <summary>Moves the price: fills crossed limit orders and fires conditional orders whose trigger is reached.</summary>
    public void SetPrice(string symbol, decimal price)
    {
        lock (_gate)
        {
            _prices[symbol] = price;
            foreach (var o in _orders.Where(o => o.Symbol == symbol && o.IsOpen && o.Type == "LIMIT").ToList())
            {
                if (o.Side == "BUY" ? price <= o.Price : price >= o.Price)
                {
                    Fill(o, o.Price);
                }
            }

            foreach (var a in _algos.Where(a => a.Symbol == symbol && a.IsOpen && a.FiresAt(price)).ToList())
            {
                Trigger(a, price);
            }
        }
    }

    public FakeOrder PlaceOrder(string symbol, string side, string type, decimal qty, decimal price, string? clientId, bool reduceOnly, string tif)
    {
        lock (_gate)
        {
            var s = Symbol(symbol);
            if (_orders.Any(o => o.IsOpen && o.ClientOrderId == clientId))
            {
                throw new FakeError(400, -4116, "clientOrderId is duplicated");
            }

            var market = type == "MARKET";
            var refPrice = market ? _prices.GetValueOrDefault(symbol) : price;
            if (refPrice <= 0)
            {
                throw new FakeError(400, -1000, "No price for this symbol yet.");
            }

            FakeValidation.CheckQuantity(s, qty, market);
            if (!market)
            {
                FakeValidation.CheckPrice(s, price);
                FakeValidation.CheckPercentPrice(s, side, price, _prices.GetValueOrDefault(symbol));
            }

            CheckReduceOnly(symbol, side, qty, reduceOnly);
            if (!reduceOnly && qty * refPrice < s.MinNotional)
            {
                throw new FakeError(400, -4164, $"Order's notional must be no smaller than {FakeJson.S(s.MinNotional)} (unless you choose reduce only).");
            }

            if (!reduceOnly && qty * refPrice / Leverage(symbol) > Wallet)
            {
                throw new FakeError(400, -2019, "Margin is insufficient.");
            }

            var now = _now();
            var order = new FakeOrder
            {
                OrderId = _nextOrderId++, Symbol = symbol, ClientOrderId = clientId ?? "fake_" + _nextOrderId, Side = side, Type = type,
                Quantity = qty, Price = market ? 0 : price, ReduceOnly = reduceOnly, TimeInForce = market ? "GTC" : tif, Time = now, UpdateTime = now,
            };
            _orders.Add(order);
            Publish(FakeJson.OrderUpdate(order, "NEW", 0, 0, now, 0, 0));
            if (market)
            {
                Fill(order, refPrice);
            }
            else if (_prices.TryGetValue(symbol, out var last) && (side == "BUY" ? last <= price : last >= price))
            {
                Fill(order, price);
            }

            return order;
        }
    }

    public FakeAlgoOrder PlaceAlgo(string symbol, string side, string type, decimal trigger, decimal qty, bool closePosition, bool reduceOnly, string clientAlgoId, string workingType)
    {
        lock (_gate)
        {
            var s = Symbol(symbol);
            if (_algos.Any(a => a.IsOpen && a.ClientAlgoId == clientAlgoId))
            {
                throw new FakeError(400, -4116, "clientOrderId is duplicated");
            }

            FakeValidation.CheckPrice(s, trigger);
            if (!closePosition)
            {
                FakeValidation.CheckQuantity(s, qty, market: true);
            }

            var now = _now();
            var algo = new FakeAlgoOrder
            {
                AlgoId = _nextAlgoId++, ClientAlgoId = clientAlgoId, Symbol = symbol, Side = side, Type = type, TriggerPrice = trigger,
                Quantity = qty, ClosePosition = closePosition, ReduceOnly = reduceOnly, WorkingType = workingType, CreateTime = now, UpdateTime = now,
            };
            if (_prices.TryGetValue(symbol, out var price) && algo.FiresAt(price))
            {
                throw new FakeError(400, -2021, "Order would immediately trigger.");
            }

            _algos.Add(algo);
            Publish(FakeJson.AlgoUpdate(algo, now));
            return algo;
        }
    }

    public FakeOrder? FindOrder(string symbol, long? id, string? clientId)
    {
        lock (_gate)
        {
            return _orders.LastOrDefault(o => o.Symbol == symbol && (id is { } i ? o.OrderId == i : o.ClientOrderId == clientId));
        }
    }

    public FakeAlgoOrder? FindAlgo(long? id, string? clientId)
    {
        lock (_gate)
        {
            return _algos.LastOrDefault(a => id is { } i ? a.AlgoId == i : a.ClientAlgoId == clientId);
        }
    }

    public FakeOrder CancelOrder(string symbol, long? id, string? clientId)
    {
        lock (_gate)
        {
            var o = FindOrder(symbol, id, clientId);
            if (o is null || !o.IsOpen)
            {
                throw new FakeError(400, -2011, "Unknown order sent.");
            }

            o.Status = "CANCELED";
            o.UpdateTime = _now();
            Publish(FakeJson.OrderUpdate(o, "CANCELED", 0, 0, o.UpdateTime, 0, 0));
            return o;
        }
    }

    public FakeAlgoOrder CancelAlgo(long? id, string? clientId)
    {
        lock (_gate)
        {
            var a = FindAlgo(id, clientId);
            if (a is null || !a.IsOpen)
            {
                throw new FakeError(400, -2011, "Unknown order sent.");
            }

            a.Status = "CANCELED";
            a.UpdateTime = _now();
            Publish(FakeJson.AlgoUpdate(a, a.UpdateTime));
            return a;
        }
    }

    private void Trigger(FakeAlgoOrder a, decimal price)
    {
        var position = _positions.GetValueOrDefault(a.Symbol)?.Amount ?? 0;
        var qty = a.ClosePosition ? Math.Abs(position) : a.Quantity;
        if (a.ReduceOnly || a.ClosePosition)
        {
            qty = Math.Min(qty, Math.Abs(position));
        }

        var now = _now();
        a.TriggerTime = now;
        if (qty <= 0 || (position != 0 && (a.Side == "BUY") == (position > 0) && (a.ReduceOnly || a.ClosePosition)))
        {
            a.Status = "EXPIRED";
            a.UpdateTime = now;
            Publish(FakeJson.AlgoUpdate(a, now, "ReduceOnly Order is rejected."));
            return;
        }

        var child = new FakeOrder
        {
            OrderId = _nextOrderId++, Symbol = a.Symbol, ClientOrderId = a.ClientAlgoId, Side = a.Side, Type = "MARKET", Quantity = qty,
            ReduceOnly = a.ReduceOnly || a.ClosePosition, Time = now, UpdateTime = now,
        };
        _orders.Add(child);

        // Binance has been seen sending the child's fill both before and after ALGO_UPDATE TRIGGERED.
        a.ActualOrderId = child.OrderId;
        a.ActualPrice = price;
        a.ActualQty = qty;
        a.Status = "TRIGGERED";
        a.UpdateTime = now;
        if (TriggeredBeforeFill)
        {
            Publish(FakeJson.AlgoUpdate(a, now));
            Fill(child, price);
        }
        else
        {
            Fill(child, price);
            Publish(FakeJson.AlgoUpdate(a, now));
        }

        a.Status = "FINISHED";
        Publish(FakeJson.AlgoUpdate(a, now));
    }

    private void Fill(FakeOrder o, decimal price)
    {
        var signed = o.Side == "BUY" ? o.Quantity : -o.Quantity;
        var before = _positions.GetValueOrDefault(o.Symbol) ?? new FakePosition(o.Symbol, 0, 0);
        var after = before.Amount + signed;
        decimal realized = 0;
        decimal entry;
        if (before.Amount == 0 || Math.Sign(before.Amount) == Math.Sign(signed))
        {
            entry = after == 0 ? 0 : ((before.Amount * before.EntryPrice) + (signed * price)) / after;
        }
        else
        {
            var closed = Math.Min(Math.Abs(signed), Math.Abs(before.Amount));
            realized = closed * (price - before.EntryPrice) * Math.Sign(before.Amount);
            entry = after == 0 ? 0 : Math.Sign(after) == Math.Sign(before.Amount) ? before.EntryPrice : price;
        }

        Wallet += realized;
        var position = new FakePosition(o.Symbol, after, entry);
        _positions[o.Symbol] = position;
        o.ExecutedQty = o.Quantity;
        o.AvgPrice = price;
        o.Status = "FILLED";
        o.UpdateTime = _now();
        var trade = new FakeTrade(_nextTradeId++, o.OrderId, o.Symbol, o.Side, price, o.Quantity, realized, Commission(o.Quantity, price), o.UpdateTime);
        _trades.Add(trade);
        Publish(FakeJson.OrderUpdate(o, "TRADE", o.Quantity, price, o.UpdateTime, trade.Id, realized));
        Publish(FakeJson.AccountUpdate(position, Wallet, o.UpdateTime));
    }

    private void CheckReduceOnly(string symbol, string side, decimal qty, bool reduceOnly)
    {
        var position = _positions.GetValueOrDefault(symbol)?.Amount ?? 0;
        if (reduceOnly && (position == 0 || (side == "BUY") == (position > 0) || qty > Math.Abs(position)))
        {
            throw new FakeError(400, -2022, "ReduceOnly Order is rejected.");
        }
    }

    private void Publish(object evt)
    {
        var type = (string)((Dictionary<string, object?>)evt)["e"]!;
        UserEvent?.Invoke(type, evt);
    }
}
