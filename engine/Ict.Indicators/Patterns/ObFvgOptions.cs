namespace Ict.Indicators.Patterns;

/// <summary>
/// Settings of an <see cref="ObFvgDetector"/>. Every value is checked by <see cref="Validate"/>, which the
/// detector calls when it is created, so a bad value fails at start-up rather than mid-run.
/// </summary>
public sealed record ObFvgOptions
{
    /// <summary>
    /// How many candles the detector keeps per symbol (a ring buffer; older candles are dropped).
    /// At least 3 (a fair value gap spans three candles) and at least <see cref="MinCandles"/>. Default 200.
    /// </summary>
    public int HistoryCandles { get; init; } = 200;

    /// <summary>
    /// Warm-up length. Nothing is analysed (no lifecycle, no detection) until this many candles have been received;
    /// the candle that brings the count to this value is the first one analysed (with the default, the 20th).
    /// At least 1. Default 20.
    /// </summary>
    public int MinCandles { get; init; } = 20;

    /// <summary>
    /// Order blocks: the impulse candle's body divided by its range must be strictly greater than this, compared
    /// exactly in decimal (a ratio of exactly 0.7 does not qualify with the default). Between 0 and 1; a value of 1
    /// disables order blocks, since a body can never exceed its range. Default 0.7.
    /// </summary>
    public decimal MinBodyRatio { get; init; } = 0.7m;

    /// <summary>
    /// Order blocks: once a block has been touched this many times (without being closed through) it is invalidated
    /// with the reason <c>max_touches</c>. At least 1. Default 3.
    /// </summary>
    public int ObMaxTouches { get; init; } = 3;

    /// <summary>
    /// Order blocks: a block whose age (candles since its pattern candle; the detection candle has age 1) exceeds
    /// this expires with the reason <c>max_age</c>. At least 1. Default 100.
    /// </summary>
    public int ObMaxAgeCandles { get; init; } = 100;

    /// <summary>
    /// Fair value gaps: the gap height as a percentage of the third candle's close must be at least this
    /// (inclusive, exact decimal). At least 0. Default 0.1 (per cent).
    /// </summary>
    public decimal FvgMinGapPercent { get; init; } = 0.1m;

    /// <summary>
    /// Fair value gaps: a gap whose age (candles since its middle candle; the detection candle has age 1) exceeds
    /// this expires with the reason <c>max_age</c>. At least 1. Default 50.
    /// </summary>
    public int FvgMaxAgeCandles { get; init; } = 50;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it.</exception>
    public void Validate()
    {
        if (MinCandles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinCandles), MinCandles, "MinCandles must be at least 1.");
        }

        if (HistoryCandles < 3 || HistoryCandles < MinCandles)
        {
            throw new ArgumentOutOfRangeException(
                nameof(HistoryCandles), HistoryCandles, "HistoryCandles must be at least 3 and at least MinCandles.");
        }

        if (MinBodyRatio < 0m || MinBodyRatio > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(MinBodyRatio), MinBodyRatio, "MinBodyRatio must be between 0 and 1.");
        }

        if (ObMaxTouches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ObMaxTouches), ObMaxTouches, "ObMaxTouches must be at least 1.");
        }

        if (ObMaxAgeCandles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ObMaxAgeCandles), ObMaxAgeCandles, "ObMaxAgeCandles must be at least 1.");
        }

        if (FvgMinGapPercent < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(FvgMinGapPercent), FvgMinGapPercent, "FvgMinGapPercent must not be negative.");
        }

        if (FvgMaxAgeCandles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FvgMaxAgeCandles), FvgMaxAgeCandles, "FvgMaxAgeCandles must be at least 1.");
        }
    }
}
