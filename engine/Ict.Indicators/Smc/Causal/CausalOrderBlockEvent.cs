namespace Ict.Indicators.Smc.Causal;

/// <summary>What happened to an order block.</summary>
public enum OrderBlockEventKind
{
    /// <summary>A close beyond the latest confirmed swing created the block.</summary>
    Formed,

    /// <summary>Price went through the block's far side: it is now a breaker (smc's MitigatedIndex).</summary>
    Mitigated,

    /// <summary>Price went back through a breaker's near side: smc deletes the block from its output.</summary>
    Deleted,
}

/// <summary>An order block event from <see cref="CausalOrderBlockDetector"/>.</summary>
/// <param name="Kind">Formed, mitigated or deleted.</param>
/// <param name="Row">The order block candle's row.</param>
/// <param name="Direction">+1 bullish, -1 bearish.</param>
/// <param name="Top">The upper edge, float32 as in smc (inverted for the bullish no-gap fallback, as in smc).</param>
/// <param name="Bottom">The lower edge, float32.</param>
/// <param name="Volume">smc's OBVolume (float32).</param>
/// <param name="Percentage">smc's Percentage (float32).</param>
/// <param name="MitigatedIndex">smc's MitigatedIndex (i-1 for bullish, i for bearish), 0 while not mitigated.</param>
/// <param name="ConfirmedRow">The row of the candle whose close made this known.</param>
/// <param name="ConfirmedTime">That candle's open time.</param>
public sealed record CausalOrderBlockEvent(
    OrderBlockEventKind Kind,
    int Row,
    int Direction,
    float Top,
    float Bottom,
    float Volume,
    float Percentage,
    int MitigatedIndex,
    int ConfirmedRow,
    DateTime ConfirmedTime);
