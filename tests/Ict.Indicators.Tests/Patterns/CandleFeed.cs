using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

/// <summary>
/// Feeds hand-built 5m XRPUSDT candles to a detector. Candle number n (1-based) opens at
/// 2024-01-01T00:00Z + (n − 1) × 5 minutes, that is unix ms 1704067200000 + (n − 1) × 300000.
/// </summary>
internal sealed class CandleFeed
{
    public static readonly Symbol Symbol = new("XRPUSDT");
    public static readonly Interval Interval = Interval.Parse("5m");
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Only order blocks: no gap can reach 1000 % of the close.</summary>
    public static readonly ObFvgOptions OrderBlocksOnly = new() { FvgMinGapPercent = 1000m };

    /// <summary>Only fair value gaps: a body can never be more than its whole range.</summary>
    public static readonly ObFvgOptions FairValueGapsOnly = new() { MinBodyRatio = 1m };

    public CandleFeed(ObFvgOptions? options = null)
        : this(new ObFvgDetector(Symbol, Interval, options ?? new ObFvgOptions()))
    {
    }

    public CandleFeed(ObFvgDetector detector)
    {
        Detector = detector;
    }

    public ObFvgDetector Detector { get; }

    /// <summary>How many candles have been fed.</summary>
    public int Count { get; private set; }

    public static DateTimeOffset TimeOf(int number) => Start + TimeSpan.FromMinutes(5 * (number - 1));

    public static long MsOf(int number) => 1704067200000L + (300000L * (number - 1));

    public static Candle Make(int number, decimal open, decimal high, decimal low, decimal close) =>
        new(Symbol, Interval, TimeOf(number), open, high, low, close, 1m);

    public IReadOnlyList<Pattern> Push(decimal open, decimal high, decimal low, decimal close)
    {
        var candle = Make(Count + 1, open, high, low, close);
        var result = Detector.Update(candle);
        Count++;
        return result;
    }

    /// <summary>A doji: opens and closes at <paramref name="price"/>.</summary>
    public IReadOnlyList<Pattern> Doji(decimal price, decimal high, decimal low) => Push(price, high, low, price);

    /// <summary>Neutral candles: dojis at 100 with high 101 and low 99.</summary>
    public void Filler(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Doji(100m, 101m, 99m);
        }
    }
}
