namespace Ict.Indicators.Smc;

/// <summary>
/// Trading sessions exactly as smartmoneyconcepts 0.0.27 <c>smc.sessions</c> marks them (causal: no look-ahead).
/// </summary>
/// <remarks>
/// Quirks copied from smc:
/// <list type="bullet">
/// <item>The candle's HH:MM is used (seconds dropped); both window ends are inclusive, so London 07:00–16:00 includes the 16:00 candle.</item>
/// <item>When the time zone is not "UTC", "GMT" and "UTC" in its name become "Etc/GMT", the naive times are read as that zone and
/// converted to UTC. Etc/GMT signs are inverted (Etc/GMT+2 is UTC−2), so "UTC+2" shifts the <b>wrong</b> way, as in smc.
/// Like pandas' <c>tz_localize</c>, a nonexistent or ambiguous local time (a DST change) is an error.</item>
/// <item>High/Low are <b>float32</b>: each active row takes max(high, previous row's stored High) and min(low, previous Low unless
/// it is 0), rounded to float32 again. Inactive rows are 0/0/0, so each contiguous active run starts afresh; runs are not split
/// by calendar day.</item>
/// </list>
/// </remarks>
public static class Sessions
{
    /// <summary>Computes the session columns.</summary>
    /// <param name="series">The candles (naive timestamps).</param>
    /// <param name="window">A preset from <see cref="SessionWindow.Presets"/> or a custom window.</param>
    /// <param name="timeZone">smc's <c>time_zone</c> (default "UTC": timestamps used as they are).</param>
    /// <exception cref="ArgumentException">The time zone is unknown, or a local time does not exist or is ambiguous in it.</exception>
    public static SessionsResult Compute(OhlcvSeries series, SessionWindow window, string timeZone = "UTC")
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(timeZone);
        var n = series.Count;
        var active = new int[n];
        var high = new float[n];
        var low = new float[n];
        var zone = timeZone == "UTC" ? null : FindZone(timeZone);
        for (var i = 0; i < n; i++)
        {
            var t = zone is null ? series.Times[i] : ToUtc(series.Times[i], zone, i);
            if (!window.Contains((t.Hour * 60) + t.Minute))
            {
                continue;
            }

            active[i] = 1;
            double previousHigh = i > 0 ? high[i - 1] : 0.0;
            double previousLow = i > 0 && low[i - 1] != 0f ? low[i - 1] : double.PositiveInfinity;
            high[i] = (float)Math.Max(series.Highs[i], previousHigh);
            low[i] = (float)Math.Min(series.Lows[i], previousLow);
        }

        return new SessionsResult(active, high, low);
    }

    /// <summary>The zone smc ends up with: "GMT"/"UTC" in the name replaced by "Etc/GMT".</summary>
    /// <param name="timeZone">The name as the user gave it (for example "UTC+2" or "Europe/London").</param>
    /// <exception cref="ArgumentException">No such zone.</exception>
    public static TimeZoneInfo FindZone(string timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var name = timeZone.Replace("GMT", "Etc/GMT", StringComparison.Ordinal).Replace("UTC", "Etc/GMT", StringComparison.Ordinal);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"Unknown time zone '{timeZone}' (looked up as '{name}').", ex);
        }
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone, int row)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified) || zone.IsAmbiguousTime(unspecified))
        {
            throw new ArgumentException($"Row {row}: {local:yyyy-MM-dd HH:mm:ss} is nonexistent or ambiguous in {zone.Id}.");
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}
