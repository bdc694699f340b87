using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>Hand-written candles and swings for the rule tests.</summary>
internal static class Bars
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0); // a Monday

    /// <summary>Candles 15 minutes apart from <see cref="Start"/>.</summary>
    public static OhlcvSeries Of(params (double O, double H, double L, double C)[] bars) => Of(null, bars);

    public static OhlcvSeries Of(double[]? volume, params (double O, double H, double L, double C)[] bars) =>
        new(
            [.. bars.Select((_, i) => Start.AddMinutes(15 * i))],
            [.. bars.Select(b => b.O)],
            [.. bars.Select(b => b.H)],
            [.. bars.Select(b => b.L)],
            [.. bars.Select(b => b.C)],
            volume);

    /// <summary>Candles at the given times with high = 10 + i and low = i.</summary>
    public static OhlcvSeries AtTimes(params DateTime[] times) =>
        new(times, [.. times.Select((_, i) => 5.0 + i)], [.. times.Select((_, i) => 10.0 + i)], [.. times.Select((_, i) => (double)i)], [.. times.Select((_, i) => 5.0 + i)]);

    /// <summary>A swing table with the given swings and NaN elsewhere.</summary>
    public static SwingResult Swings(int n, params (int Row, int Direction, double Level)[] swings)
    {
        var highLow = Fvg.Filled(n);
        var level = Fvg.Filled(n);
        foreach (var (row, direction, value) in swings)
        {
            highLow[row] = direction;
            level[row] = value;
        }

        return new SwingResult(highLow, level);
    }
}
