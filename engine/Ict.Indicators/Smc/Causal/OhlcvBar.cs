using Ict.Abstractions;

namespace Ict.Indicators.Smc.Causal;

/// <summary>One closed candle as the causal smc detectors take it (float64 prices, like the batch functions).</summary>
/// <param name="Time">The open time (naive wall-clock, or UTC).</param>
/// <param name="Open">Open price.</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
/// <param name="Volume">Volume (0 when unknown).</param>
public readonly record struct OhlcvBar(DateTime Time, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>Converts an engine candle (decimal prices) to a bar.</summary>
    /// <param name="candle">The closed candle.</param>
    public static OhlcvBar From(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        return new(candle.OpenTime.UtcDateTime, (double)candle.Open, (double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume);
    }

    /// <summary>Row <paramref name="row"/> of a series as a bar.</summary>
    /// <param name="series">The series.</param>
    /// <param name="row">The 0-based row.</param>
    public static OhlcvBar At(OhlcvSeries series, int row)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new(series.Times[row], series.Opens[row], series.Highs[row], series.Lows[row], series.Closes[row], series.Volumes[row]);
    }
}
