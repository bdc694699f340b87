using System.Globalization;

namespace Ict.Indicators.Smc;

/// <summary>A session's daily window in HH:MM, both ends inclusive; a window with start ≥ end wraps past midnight.</summary>
/// <param name="Start">The first active minute of the day (minutes since midnight).</param>
/// <param name="End">The last active minute of the day (minutes since midnight).</param>
public readonly record struct SessionWindow(int Start, int End)
{
    /// <summary>smc's preset names and windows, keyed by the exact (case-sensitive) names smc accepts.</summary>
    public static IReadOnlyDictionary<string, SessionWindow> Presets { get; } = new Dictionary<string, SessionWindow>(StringComparer.Ordinal)
    {
        ["Sydney"] = Parse("21:00", "06:00"),
        ["Tokyo"] = Parse("00:00", "09:00"),
        ["London"] = Parse("07:00", "16:00"),
        ["New York"] = Parse("13:00", "22:00"),
        ["Asian kill zone"] = Parse("00:00", "04:00"),
        ["London open kill zone"] = Parse("6:00", "9:00"),
        ["New York kill zone"] = Parse("11:00", "14:00"),
        ["london close kill zone"] = Parse("14:00", "16:00"),
    };

    /// <summary>A custom window from two <c>H:MM</c>/<c>HH:MM</c> times (Python's <c>strptime("%H:%M")</c> accepts both).</summary>
    /// <param name="start">The start time.</param>
    /// <param name="end">The end time.</param>
    /// <exception cref="FormatException">A time is not H:MM or HH:MM within a day.</exception>
    public static SessionWindow Parse(string start, string end) => new(Minutes(start), Minutes(end));

    /// <summary>Whether a minute of the day is inside the window (both ends inclusive; wrap-around when start ≥ end).</summary>
    /// <param name="minuteOfDay">Minutes since midnight (seconds dropped).</param>
    public bool Contains(int minuteOfDay) => Start < End
        ? Start <= minuteOfDay && minuteOfDay <= End
        : minuteOfDay >= Start || minuteOfDay <= End;

    private static int Minutes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length != 2 || parts[0].Length is < 1 or > 2 || parts[1].Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || h > 23 || m > 59)
        {
            throw new FormatException($"'{text}' is not a time of day in HH:MM form.");
        }

        return (h * 60) + m;
    }
}
