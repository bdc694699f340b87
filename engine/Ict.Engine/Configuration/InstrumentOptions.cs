using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>A symbol's exchange rules, as Binance's exchangeInfo gives them (BTCUSDT shown as the default).</summary>
public sealed record InstrumentOptions
{
    [Required]
    [RegularExpression("^[A-Z0-9]{1,32}$", ErrorMessage = "must be a symbol like BTCUSDT")]
    public string Symbol { get; init; } = string.Empty;

    [Range(typeof(decimal), "0.00000001", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal TickSize { get; init; } = 0.1m;

    [Range(typeof(decimal), "0.00000001", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StepSize { get; init; } = 0.001m;

    [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MinQuantity { get; init; } = 0.001m;

    [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MinNotional { get; init; } = 5m;

    [Range(1, 125)]
    public int MaxLeverage { get; init; } = 20;
}
