namespace FakeBinance;

/// <summary>A regular order on the fake.</summary>
public sealed class FakeOrder
{
    public required long OrderId { get; init; }
    public required string Symbol { get; init; }
    public required string ClientOrderId { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required decimal Quantity { get; init; }
    public decimal Price { get; init; }
    public bool ReduceOnly { get; init; }
    public string TimeInForce { get; init; } = "GTC";
    public decimal ExecutedQty { get; set; }
    public decimal AvgPrice { get; set; }
    public string Status { get; set; } = "NEW";
    public long Time { get; init; }
    public long UpdateTime { get; set; }

    public bool IsOpen => Status is "NEW" or "PARTIALLY_FILLED";
}

/// <summary>A conditional (algo) order on the fake.</summary>
public sealed class FakeAlgoOrder
{
    public required long AlgoId { get; init; }
    public required string ClientAlgoId { get; init; }
    public required string Symbol { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required decimal TriggerPrice { get; init; }
    public decimal Quantity { get; init; }
    public bool ClosePosition { get; init; }
    public bool ReduceOnly { get; init; }
    public string WorkingType { get; init; } = "CONTRACT_PRICE";
    public string Status { get; set; } = "NEW";
    public long? ActualOrderId { get; set; }
    public decimal ActualPrice { get; set; }
    public decimal ActualQty { get; set; }
    public long CreateTime { get; init; }
    public long UpdateTime { get; set; }
    public long TriggerTime { get; set; }

    public bool IsOpen => Status is "NEW" or "TRIGGERING";

    /// <summary>STOP*: BUY fires at or above the trigger, SELL at or below. TAKE_PROFIT*: the reverse.</summary>
    public bool FiresAt(decimal price)
    {
        var stop = Type.StartsWith("STOP", StringComparison.Ordinal);
        var buy = Side == "BUY";
        return stop == buy ? price >= TriggerPrice : price <= TriggerPrice;
    }
}

/// <summary>A one-way-mode position.</summary>
public sealed record FakePosition(string Symbol, decimal Amount, decimal EntryPrice);

/// <summary>One fill of an order, with the commission charged for it.</summary>
public sealed record FakeTrade(long Id, long OrderId, string Symbol, string Side, decimal Price, decimal Quantity, decimal RealizedPnl, decimal Commission, long Time);
