namespace Ict.Indicators.Smc;

/// <summary>
/// Previous high and low of a higher time frame exactly as smartmoneyconcepts 0.0.27 <c>smc.previous_high_low</c> computes them.
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>Candles are binned like pandas <c>resample</c> (empty bins dropped). "4h" and "1D" bins are labelled by their start;
/// "W" bins are labelled by the Sunday 00:00 at the end of the Monday–Sunday week (a whole Sunday belongs to its own label).</item>
/// <item>For a candle at time t, count = number of bin labels <b>strictly before</b> t, and the reference bin is count − 2. So an
/// ordinary 4h/1D candle gets the previous bin, but the candle exactly at a bin's open gets the bin <b>two back</b>, and every
/// weekday candle with "W" gets the <b>week before last</b>. Without a reference bin the row is NaN, 0, 0; with fewer than two
/// bins in the whole series every row is.</item>
/// <item>PreviousHigh/PreviousLow are <b>float32</b>. Broken flags compare the running max high / min low of the current run of
/// candles sharing one reference bin (current candle included) with the float32 values: strictly above / below.</item>
/// </list>
/// </remarks>
public static class PreviousHighLow
{
    /// <summary>Computes the previous high/low for the whole series.</summary>
    /// <param name="series">The candles (naive timestamps, used as they are).</param>
    /// <param name="timeFrame">smc's <c>time_frame</c> (default "1D").</param>
    public static PreviousHighLowResult Compute(OhlcvSeries series, SmcTimeFrame timeFrame = SmcTimeFrame.OneDay)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var prevHigh = new float[n];
        var prevLow = new float[n];
        Array.Fill(prevHigh, float.NaN);
        Array.Fill(prevLow, float.NaN);
        var brokenHigh = new int[n];
        var brokenLow = new int[n];
        var result = new PreviousHighLowResult(prevHigh, prevLow, brokenHigh, brokenLow);
        var (labels, binHigh, binLow) = Bins(series, timeFrame);
        if (labels.Count < 2)
        {
            return result;
        }

        var count = 0;
        var group = int.MinValue;
        double runHigh = 0, runLow = 0;
        for (var i = 0; i < n; i++)
        {
            var t = series.Times[i];
            // Labels are sorted; candles are ascending, so the count only moves forward.
            while (count < labels.Count && labels[count] < t)
            {
                count++;
            }

            var reference = count - 2;
            if (reference < 0)
            {
                group = int.MinValue;
                continue;
            }

            if (reference != group)
            {
                group = reference;
                runHigh = series.Highs[i];
                runLow = series.Lows[i];
            }
            else
            {
                runHigh = Math.Max(runHigh, series.Highs[i]);
                runLow = Math.Min(runLow, series.Lows[i]);
            }

            prevHigh[i] = (float)binHigh[reference];
            prevLow[i] = (float)binLow[reference];
            brokenHigh[i] = runHigh > prevHigh[i] ? 1 : 0;
            brokenLow[i] = runLow < prevLow[i] ? 1 : 0;
        }

        return result;
    }

    /// <summary>The pandas bin label of a timestamp.</summary>
    /// <param name="t">The candle time.</param>
    /// <param name="timeFrame">The rule.</param>
    public static DateTime BinLabel(DateTime t, SmcTimeFrame timeFrame) => timeFrame switch
    {
        SmcTimeFrame.FourHours => t.Date.AddHours(t.Hour / 4 * 4),
        SmcTimeFrame.OneDay => t.Date,
        _ => t.Date.AddDays((7 - (int)t.DayOfWeek) % 7),
    };

    private static (List<DateTime> Labels, List<double> High, List<double> Low) Bins(OhlcvSeries s, SmcTimeFrame tf)
    {
        var labels = new List<DateTime>();
        var highs = new List<double>();
        var lows = new List<double>();
        for (var i = 0; i < s.Count; i++)
        {
            var label = BinLabel(s.Times[i], tf);
            if (labels.Count == 0 || labels[^1] != label)
            {
                if (labels.Count > 0 && label < labels[^1])
                {
                    throw new ArgumentException($"Candle {i} ({s.Times[i]:O}) is earlier than the one before it; smc needs ascending times.", nameof(s));
                }

                labels.Add(label);
                highs.Add(s.Highs[i]);
                lows.Add(s.Lows[i]);
            }
            else
            {
                highs[^1] = Math.Max(highs[^1], s.Highs[i]);
                lows[^1] = Math.Min(lows[^1], s.Lows[i]);
            }
        }

        return (labels, highs, lows);
    }
}
