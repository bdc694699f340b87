using System.Globalization;

namespace Ict.Console.Tui;

/// <summary>How figures and long text look in the panes.</summary>
internal static class Cell
{
    public const string Ellipsis = "…";

    /// <summary>Cuts <paramref name="text"/> to <paramref name="width"/> columns, ending with … when cut.</summary>
    public static string Fit(string? text, int width)
    {
        text ??= string.Empty;
        if (width <= 0)
        {
            return string.Empty;
        }

        return text.Length <= width ? text : text[..(width - 1)] + Ellipsis;
    }

    /// <summary>The first line of a multi-line text, with a count of the lines left out.</summary>
    public static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= 1 ? text.Trim() : $"{lines[0].Trim()} (+{lines.Length - 1} more)";
    }

    public static string Price(decimal? value) => value is { } v ? v.ToString("0.########", CultureInfo.InvariantCulture) : "-";

    public static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Signed(decimal value) => (value > 0 ? "+" : string.Empty) + Money(value);

    public static string Uptime(TimeSpan uptime) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)uptime.TotalHours}:{uptime.Minutes:00}:{uptime.Seconds:00}");

    public static string Clock(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "-";
}
