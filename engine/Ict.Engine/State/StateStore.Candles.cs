using System.Globalization;
using Ict.Abstractions;

namespace Ict.Engine.State;

/// <summary>Reads of the <c>candles</c> table (written by the kernel when <c>state.recordCandles</c>).</summary>
public sealed partial class StateStore
{
    /// <summary>
    /// The last <paramref name="perSeries"/> stored candles of each (symbol, interval) series among
    /// <paramref name="symbols"/> (only <paramref name="interval"/> when given) that had closed by
    /// <paramref name="closedBy"/>, ordered by close time, then symbol and interval. The table is shared by every run,
    /// so the time bound keeps a replay from seeing candles a previous run stored past its clock. In deferred mode it
    /// first waits until every queued write is in the file (reads see what the kernel wrote before them).
    /// </summary>
    public IReadOnlyList<Candle> RecentCandles(IReadOnlyCollection<Symbol> symbols, Interval? interval, DateTimeOffset closedBy, int perSeries)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (perSeries <= 0 || symbols.Count == 0)
        {
            return [];
        }

        var names = symbols.Select(s => s.Value).ToArray();
        var series = Query<SeriesRow>(
            "SELECT DISTINCT symbol AS Symbol, interval AS Interval FROM candles WHERE symbol IN @names" +
            (interval is null ? string.Empty : " AND interval = @code"),
            new { names, code = interval?.Code });
        var candles = new List<Candle>();
        foreach (var row in series)
        {
            var (symbol, code) = (row.Symbol, row.Interval);
            if (!Interval.TryParse(code, out var parsed))
            {
                continue;
            }

            var rows = Query<CandleRow>(
                """
                SELECT open_time AS OpenTime, open AS Open, high AS High, low AS Low, close AS Close, volume AS Volume
                FROM candles WHERE symbol = @symbol AND interval = @code AND open_time <= @latestOpen
                ORDER BY open_time DESC LIMIT @perSeries
                """,
                new { symbol, code, latestOpen = Ms(closedBy - parsed.Duration), perSeries });
            var name = new Symbol(symbol);
            candles.AddRange(rows.Select(r => new Candle(
                name, parsed, DateTimeOffset.FromUnixTimeMilliseconds(r.OpenTime),
                Dec(r.Open), Dec(r.High), Dec(r.Low), Dec(r.Close), Dec(r.Volume))));
        }

        return [.. candles.OrderBy(c => c.CloseTime).ThenBy(c => c.Symbol.Value, StringComparer.Ordinal).ThenBy(c => c.Interval.Duration)];
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    internal sealed record SeriesRow
    {
        public string Symbol { get; init; } = "";

        public string Interval { get; init; } = "";
    }

    internal sealed record CandleRow
    {
        public long OpenTime { get; init; }

        public string Open { get; init; } = "";

        public string High { get; init; } = "";

        public string Low { get; init; } = "";

        public string Close { get; init; } = "";

        public string Volume { get; init; } = "";
    }
}
