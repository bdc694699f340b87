namespace FakeBinance;

/// <summary>The filters the fake enforces for one symbol (BTCUSDT's real values by default).</summary>
public sealed record FakeSymbol(
    string Name,
    decimal TickSize = 0.10m,
    decimal MinPrice = 556.80m,
    decimal MaxPrice = 4_529_764m,
    decimal StepSize = 0.001m,
    decimal MinQty = 0.001m,
    decimal MaxQty = 1000m,
    decimal MarketMaxQty = 120m,
    decimal MinNotional = 5m,
    decimal MultiplierUp = 1.05m,
    decimal MultiplierDown = 0.95m,
    string Status = "TRADING")
{
    public static IReadOnlyList<FakeSymbol> Defaults { get; } =
    [
        new("BTCUSDT"),
        new("ETHUSDT", TickSize: 0.01m, MinPrice: 39.86m, MaxPrice: 306_177m, StepSize: 0.001m, MinQty: 0.001m, MaxQty: 10_000m, MarketMaxQty: 2000m, MinNotional: 20m),
    ];
}
