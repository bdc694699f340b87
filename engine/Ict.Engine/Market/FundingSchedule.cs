using System.Globalization;
using Ict.Abstractions;

namespace Ict.Engine.Market;

/// <summary>
/// Funding rates per symbol, in time order. Read from CSV with the rate in the second (<c>open</c>) column, as
/// Binance funding-rate history exports it; actual funding times arrive a few milliseconds after 00:00, 08:00 and
/// 16:00 UTC, so each time is floored to its 8-hour boundary.
/// </summary>
public sealed class FundingSchedule
{
    private static readonly long EightHoursMs = (long)TimeSpan.FromHours(8).TotalMilliseconds;
    private readonly Dictionary<Symbol, (DateTimeOffset[] Times, decimal[] Rates)> _bySymbol = [];
    private readonly Dictionary<Symbol, int> _next = [];

    public bool IsEmpty => _bySymbol.Count == 0;

    public void Load(Symbol symbol, string path)
    {
        if (!File.Exists(path))
        {
            throw new CandleFileException($"{path}: funding file not found");
        }

        var times = new List<DateTimeOffset>();
        var rates = new List<decimal>();
        var line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            var fields = raw.Split(',');
            if (raw.Length == 0 || (line == 1 && !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                continue;
            }

            if (fields.Length < 2
                || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                || !decimal.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                throw new CandleFileException($"{path}:{line}: expected funding_time_ms,rate[,...]");
            }

            var time = DateTimeOffset.FromUnixTimeMilliseconds(ms - (ms % EightHoursMs));
            if (times.Count > 0 && time <= times[^1])
            {
                throw new CandleFileException($"{path}:{line}: funding times must ascend");
            }

            times.Add(time);
            rates.Add(rate);
        }

        _bySymbol[symbol] = (times.ToArray(), rates.ToArray());
        _next[symbol] = 0;
    }

    /// <summary>The funding events of a symbol due at or before <paramref name="until"/>, each returned once.</summary>
    public bool TryTakeDue(Symbol symbol, DateTimeOffset until, out DateTimeOffset time, out decimal rate)
    {
        time = default;
        rate = 0m;
        if (!_bySymbol.TryGetValue(symbol, out var series))
        {
            return false;
        }

        var next = _next[symbol];
        if (next >= series.Times.Length || series.Times[next] > until)
        {
            return false;
        }

        time = series.Times[next];
        rate = series.Rates[next];
        _next[symbol] = next + 1;
        return true;
    }
}
