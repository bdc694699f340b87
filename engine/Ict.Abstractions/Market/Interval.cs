namespace Ict.Abstractions;

/// <summary>A candle interval with a fixed length, written as Binance writes it (<c>1m</c>, <c>15m</c>, <c>4h</c>, <c>1d</c>, <c>1w</c>).</summary>
public readonly record struct Interval
{
    private static readonly string[] Codes = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w"];

    private Interval(string code, TimeSpan duration)
    {
        Code = code;
        Duration = duration;
    }

    /// <summary>The Binance spelling, for example <c>15m</c>.</summary>
    public string Code { get; }

    /// <summary>The length of one candle.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every interval the engine accepts, shortest first.</summary>
    public static IReadOnlyList<Interval> All { get; } = Codes.Select(Parse).ToArray();

    /// <summary>Parses a Binance interval code.</summary>
    /// <param name="code">One of <c>1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w</c>.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="FormatException">The code is not one of the accepted ones.</exception>
    public static Interval Parse(string code) =>
        TryParse(code, out var interval)
            ? interval
            : throw new FormatException($"'{code}' is not an interval; use one of {string.Join(", ", Codes)}.");

    /// <summary>Parses a Binance interval code without throwing.</summary>
    /// <param name="code">The code to read.</param>
    /// <param name="interval">The interval when the code is valid.</param>
    /// <returns>Whether the code is valid.</returns>
    public static bool TryParse(string? code, out Interval interval)
    {
        interval = default;
        if (code is null || !Codes.Contains(code, StringComparer.Ordinal))
        {
            return false;
        }

        var count = int.Parse(code.AsSpan(0, code.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        var unit = code[^1] switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.FromDays(7),
        };
        interval = new Interval(code, unit * count);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Code ?? string.Empty;
}
