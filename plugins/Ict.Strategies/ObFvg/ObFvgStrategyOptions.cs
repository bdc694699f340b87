using System.ComponentModel.DataAnnotations;

namespace Ict.Strategies.ObFvg;

/// <summary>Settings of <c>ict.ob-fvg</c>; every default is the ICT Auto Trader seed's value.</summary>
public sealed record ObFvgStrategyOptions
{
    /// <summary>Candles kept per symbol (seed: 200).</summary>
    [Range(3, 100_000)]
    public int HistoryCandles { get; init; } = 200;

    /// <summary>Analysis starts once this many candles are held; that candle is the first analysed (seed: 20).</summary>
    [Range(1, 100_000)]
    public int MinCandles { get; init; } = 20;

    /// <summary>Order-block rules.</summary>
    public OrderBlockSettings OrderBlock { get; init; } = new();

    /// <summary>Fair-value-gap rules.</summary>
    public FvgSettings Fvg { get; init; } = new();

    /// <summary>Entry, stop and target rules.</summary>
    public EntrySettings Entry { get; init; } = new();

    /// <summary>An optional higher timeframe that must agree with the trade direction.</summary>
    public HigherTimeframeSettings HigherTimeframe { get; init; } = new();
}

/// <summary>Where higher-timeframe candles come from.</summary>
public enum HigherTimeframeSource
{
    /// <summary>Built from the base candles (a window with a missing candle is dropped, never bridged).</summary>
    Aggregate = 1,

    /// <summary>Fed by the engine as a separate series of the same symbol (a second replay file or stream).</summary>
    Feed = 2,
}

/// <summary>
/// The higher-timeframe filter. The bias is the direction of the last completed higher-timeframe close against the
/// one before it: rising allows only longs, falling only shorts; an unchanged close, or fewer than two completed
/// higher-timeframe candles, allows no entry.
/// </summary>
public sealed record HigherTimeframeSettings
{
    /// <summary>The higher interval (<c>1h</c> or <c>4h</c>, or any longer one); unset turns the filter off.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^(30m|1h|2h|4h|6h|8h|12h|1d)$", ErrorMessage = "must be one of 30m 1h 2h 4h 6h 8h 12h 1d")]
    public string? Interval { get; init; }

    /// <summary><c>aggregate</c> (default) or <c>feed</c>.</summary>
    public HigherTimeframeSource Source { get; init; } = HigherTimeframeSource.Aggregate;
}

/// <summary>Order-block rules.</summary>
public sealed record OrderBlockSettings
{
    /// <summary>The strong candle's body / range must be strictly above this (seed: 0.7).</summary>
    [Range(typeof(decimal), "0", "1", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MinBodyRatio { get; init; } = 0.7m;

    /// <summary>Touches that invalidate a zone (seed: 3).</summary>
    [Range(1, 1000)]
    public int MaxTouches { get; init; } = 3;

    /// <summary>Candles after which a zone expires (seed: 100).</summary>
    [Range(1, 100_000)]
    public int MaxAgeCandles { get; init; } = 100;
}

/// <summary>Fair-value-gap rules.</summary>
public sealed record FvgSettings
{
    /// <summary>Smallest gap kept, as a percentage of the third candle's close (seed: 0.1).</summary>
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MinGapPercent { get; init; } = 0.1m;

    /// <summary>Candles after which a gap expires (seed: 50).</summary>
    [Range(1, 100_000)]
    public int MaxAgeCandles { get; init; } = 50;
}

/// <summary>How the take-profit is set.</summary>
public enum TakeProfitMode
{
    /// <summary>A fixed percentage from the entry (seed: 1%).</summary>
    Percent = 1,

    /// <summary>A multiple of the risk (entry to stop): <see cref="EntrySettings.DefaultRrRatio"/>.</summary>
    Rr = 2,
}

/// <summary>Entry, stop and target rules.</summary>
public sealed record EntrySettings
{
    /// <summary>Stop beyond the order block's far edge, in percent (seed: 0.2, i.e. bottom × 0.998 / top × 1.002).</summary>
    [Range(typeof(decimal), "0", "50", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StopBufferPercent { get; init; } = 0.2m;

    /// <summary><c>percent</c> (seed) or <c>rr</c>.</summary>
    public TakeProfitMode TakeProfit { get; init; } = TakeProfitMode.Percent;

    /// <summary>Target distance for <c>percent</c> (seed: 1).</summary>
    [Range(typeof(decimal), "0.01", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal TakeProfitPercent { get; init; } = 1m;

    /// <summary>Reward-to-risk multiple for <c>rr</c> (seed: 2.0).</summary>
    [Range(typeof(decimal), "0.1", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal DefaultRrRatio { get; init; } = 2m;

    /// <summary>Confidence of a signal from an order block alone.</summary>
    [Range(0.0, 1.0)]
    public double BaseConfidence { get; init; } = 0.7;

    /// <summary>Confidence when a same-direction fair value gap also contains the price.</summary>
    [Range(0.0, 1.0)]
    public double FvgConfluenceConfidence { get; init; } = 0.9;
}
