namespace Ict.Indicators.Smc;

/// <summary>
/// Order blocks exactly as smartmoneyconcepts 0.0.27 <c>smc.ob</c> computes them (a port of "Volumized Order Blocks";
/// batch, with unbounded look-ahead).
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>Two passes over the candles, bullish then bearish, sharing one set of per-row arrays (including the breaker flag,
/// which is never reset). A bearish block landing on a bullish block's row overwrites it and inherits its breaker flag.</item>
/// <item>Only the most recent swing high (low) before the candle is tested, once: a close above its high (below its low)
/// creates a block on the lowest-low (highest-high) candle strictly between the swing and the trigger, the last one on ties.</item>
/// <item>With no candle in between, the block is candle i-1, and the <b>bullish</b> one gets Top = low and Bottom = high (inverted).</item>
/// <item>Top, Bottom, OBVolume and Percentage are <b>float32</b>; mitigation compares prices with the float32 edges.</item>
/// <item>A bullish block becomes a breaker when low (or min(open, close) with <c>closeMitigation</c>) goes below Bottom, with
/// MitigatedIndex = <b>i-1</b> (off by one); a bearish one when high (or max(open, close)) goes above Top, with MitigatedIndex = i.</item>
/// <item>A breaker that price later trades back through (high &gt; Top for bullish, low &lt; Bottom for bearish) is deleted from
/// the output, so the output lists only blocks that survive to the end of the data.</item>
/// <item>Volume: OBVolume = v[i]+v[i-1]+v[i-2] (missing terms 0); Percentage compares v[i]+v[i-1] with v[i-2] (rounded to
/// float32 first) and is 100 when the larger is 0. The larger and smaller side are taken with Python's <c>max</c>/<c>min</c>
/// (high side first), so with a missing (NaN) volume the bullish Percentage can still be a number and the bearish one is NaN.</item>
/// </list>
/// </remarks>
public static class OrderBlocks
{
    /// <summary>Computes the order blocks from the candles and their swings.</summary>
    /// <param name="series">The candles (volume is used).</param>
    /// <param name="swings">The output of <see cref="SwingHighsLows.Compute"/> for the same candles.</param>
    /// <param name="closeMitigation">smc's <c>close_mitigation</c> (default false): mitigate on the body instead of the wick.</param>
    public static OrderBlockResult Compute(OhlcvSeries series, SwingResult swings, bool closeMitigation = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var state = new OrderBlockState(series.Count);
        var pass = new OrderBlockPass(series, state, closeMitigation);
        pass.Run(swings, bullish: true);
        pass.Run(swings, bullish: false);
        return state.ToResult();
    }
}
