using Ict.Abstractions;
using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

/// <summary>Hand-built openings that end with one pattern detected on candle 20 (the first analysed by default).</summary>
internal static class Setups
{
    /// <summary>
    /// Candles 1–18 filler, 19 = P bearish (100.5 → 99.5, high 101, low 99), 20 = C bullish impulse
    /// (99.5 → 102, high 102.1, low 99.4: body 2.5 / range 2.7 ≈ 0.93). Bullish order block, zone 99–101.
    /// </summary>
    public static (CandleFeed Feed, IReadOnlyList<Pattern> Detected) BullishOrderBlock(ObFvgOptions? options = null)
    {
        var feed = new CandleFeed(options);
        feed.Filler(18);
        feed.Push(100.5m, 101m, 99m, 99.5m);
        return (feed, feed.Push(99.5m, 102.1m, 99.4m, 102m));
    }

    /// <summary>
    /// Candles 1–18 filler, 19 = P bullish (99.5 → 100.5, high 101, low 99), 20 = C bearish impulse
    /// (100.5 → 98, high 100.6, low 97.9: body 2.5 / range 2.7). Bearish order block, zone 99–101.
    /// </summary>
    public static (CandleFeed Feed, IReadOnlyList<Pattern> Detected) BearishOrderBlock(ObFvgOptions? options = null)
    {
        var feed = new CandleFeed(options);
        feed.Filler(18);
        feed.Push(99.5m, 101m, 99m, 100.5m);
        return (feed, feed.Push(100.5m, 100.6m, 97.9m, 98m));
    }

    /// <summary>
    /// Candles 1–17 filler, 18 = c1 (high 101), 19 = c2 (100.5 → 103.8, high 104, low 100.2),
    /// 20 = c3 (103.8 → 104.5, high 105, low 102). Bullish gap, Bottom 101, Top 102 (1 / 104.5 ≈ 0.96 %).
    /// </summary>
    public static (CandleFeed Feed, IReadOnlyList<Pattern> Detected) BullishGap(ObFvgOptions? options = null)
    {
        var feed = new CandleFeed(options);
        feed.Filler(18);
        feed.Push(100.5m, 104m, 100.2m, 103.8m);
        return (feed, feed.Push(103.8m, 105m, 102m, 104.5m));
    }

    /// <summary>
    /// Candles 1–17 filler, 18 = c1 (low 99), 19 = c2 (99.5 → 96.2, high 99.8, low 96),
    /// 20 = c3 (96.2 → 95.5, high 98, low 95). Bearish gap, Top 99, Bottom 98 (1 / 95.5 ≈ 1.05 %).
    /// </summary>
    public static (CandleFeed Feed, IReadOnlyList<Pattern> Detected) BearishGap(ObFvgOptions? options = null)
    {
        var feed = new CandleFeed(options);
        feed.Filler(18);
        feed.Push(99.5m, 99.8m, 96m, 96.2m);
        return (feed, feed.Push(96.2m, 98m, 95m, 95.5m));
    }
}
