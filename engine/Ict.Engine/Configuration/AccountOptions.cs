using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>The paper account's starting point.</summary>
public sealed record AccountOptions
{
    [Required]
    [RegularExpression("^[A-Z]{2,10}$", ErrorMessage = "must be an asset code like USDT")]
    public string Asset { get; init; } = "USDT";

    [Range(typeof(decimal), "1", "1000000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StartingBalance { get; init; } = 10_000m;
}
