namespace Ict.Abstractions;

/// <summary>One closed candle. Times are the candle's open time in UTC; prices and volume are decimals.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Interval">The candle length.</param>
/// <param name="OpenTime">The open time (UTC).</param>
/// <param name="Open">The first traded price.</param>
/// <param name="High">The highest traded price.</param>
/// <param name="Low">The lowest traded price.</param>
/// <param name="Close">The last traded price.</param>
/// <param name="Volume">The traded volume in base units (0 when the source has none).</param>
public sealed record Candle(
    Symbol Symbol,
    Interval Interval,
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume)
{
    /// <summary>The moment the candle closes: <see cref="OpenTime"/> plus the interval.</summary>
    public DateTimeOffset CloseTime => OpenTime + Interval.Duration;

    /// <summary>High minus low.</summary>
    public decimal Range => High - Low;

    /// <summary>The absolute distance between open and close.</summary>
    public decimal Body => Math.Abs(Close - Open);

    /// <summary>Close above open.</summary>
    public bool IsBullish => Close > Open;

    /// <summary>Close below open.</summary>
    public bool IsBearish => Close < Open;
}
