using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>How the paper venue fills orders. Defaults are Binance USDⓈ-M VIP 0 fees.</summary>
public sealed record PaperOptions
{
    public EntryFill EntryFill { get; init; } = EntryFill.NextOpen;

    [Range(typeof(decimal), "0", "0.01", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal TakerFeeRate { get; init; } = 0.0005m;

    [Range(typeof(decimal), "-0.001", "0.01", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MakerFeeRate { get; init; } = 0.0002m;

    /// <summary>Adverse slippage on market fills (entries and triggered stops), in basis points.</summary>
    [Range(typeof(decimal), "0", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal SlippageBps { get; init; } = 1m;
}

/// <summary>When a market entry fills.</summary>
public enum EntryFill
{
    /// <summary>At the open of the symbol's next candle (nothing is known before it).</summary>
    NextOpen = 1,

    /// <summary>At the close of the candle that raised the signal.</summary>
    SignalClose = 2,
}
