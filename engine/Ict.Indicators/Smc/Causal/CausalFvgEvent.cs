namespace Ict.Indicators.Smc.Causal;

/// <summary>What happened to a fair value gap.</summary>
public enum FvgEventKind
{
    /// <summary>The gap is confirmed (the candle after the middle one closed; with joining, the run of gaps ended).</summary>
    Formed,

    /// <summary>Price touched the gap's near edge (smc's MitigatedIndex).</summary>
    Mitigated,
}

/// <summary>A fair value gap event from <see cref="CausalFvgDetector"/>.</summary>
/// <param name="Kind">Formed or mitigated.</param>
/// <param name="Row">The gap's row as smc labels it (the middle candle; with joining, the run's last middle candle).</param>
/// <param name="Direction">+1 bullish, -1 bearish.</param>
/// <param name="Top">The upper edge.</param>
/// <param name="Bottom">The lower edge.</param>
/// <param name="ConfirmedRow">The row of the candle whose close made this known (for Mitigated: smc's MitigatedIndex).</param>
/// <param name="ConfirmedTime">That candle's open time.</param>
public sealed record CausalFvgEvent(
    FvgEventKind Kind, int Row, int Direction, double Top, double Bottom, int ConfirmedRow, DateTime ConfirmedTime);
