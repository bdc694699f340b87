namespace FakeBinance;

/// <summary>Candle history (served by /fapi/v1/klines) and the kline stream, per symbol and interval.</summary>
public sealed class FakeMarket(FakeStreamHub hub, FakeExchange exchange, Func<long> now)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Symbol, string Interval), SortedList<long, FakeCandle>> _history = [];

    public static long IntervalMs(string interval) => interval[^1] switch
    {
        'm' => 60_000L,
        'h' => 3_600_000L,
        'd' => 86_400_000L,
        'w' => 604_800_000L,
        _ => throw new FakeError(400, -1120, "Invalid interval."),
    } * long.Parse(interval[..^1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds closed candles to the history without streaming them (what happened while a client was away).</summary>
    public void AddHistory(string symbol, string interval, IEnumerable<FakeCandle> candles)
    {
        lock (_gate)
        {
            var list = List(symbol, interval);
            foreach (var c in candles)
            {
                list[c.OpenTime] = c;
            }
        }
    }

    /// <summary>Streams an in-progress update (x=false) and moves the price to its close.</summary>
    public void PublishPartial(string symbol, string interval, FakeCandle candle)
    {
        exchange.SetPrice(symbol, candle.Close);
        hub.PublishMarket(Stream(symbol, interval), FakeJson.Kline(symbol, interval, IntervalMs(interval), candle, false, now()));
    }

    /// <summary>Closes a candle: stores it, moves the price through it, and streams it with x=true.</summary>
    public void PublishClosed(string symbol, string interval, FakeCandle candle)
    {
        AddHistory(symbol, interval, [candle]);
        exchange.SetPrice(symbol, candle.Close);
        hub.PublishMarket(Stream(symbol, interval), FakeJson.Kline(symbol, interval, IntervalMs(interval), candle, true, now()));
    }

    /// <summary>Klines with open time in [start, end], at most <paramref name="limit"/>, oldest first (latest ones when no start).</summary>
    public IReadOnlyList<FakeCandle> Klines(string symbol, string interval, long? start, long? end, int limit)
    {
        lock (_gate)
        {
            var all = List(symbol, interval).Values.Where(c => (start is null || c.OpenTime >= start) && (end is null || c.OpenTime <= end));
            return start is null ? all.TakeLast(limit).ToList() : all.Take(limit).ToList();
        }
    }

    public static string Stream(string symbol, string interval) => $"{symbol.ToLowerInvariant()}@kline_{interval}";

    private SortedList<long, FakeCandle> List(string symbol, string interval)
    {
        if (!_history.TryGetValue((symbol, interval), out var list))
        {
            list = [];
            _history[(symbol, interval)] = list;
        }

        return list;
    }
}
