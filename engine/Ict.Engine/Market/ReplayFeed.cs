using Ict.Abstractions;

namespace Ict.Engine.Market;

/// <summary>
/// Replays candle files as one time-ordered stream: candles are merged by close time, then by open time, then by
/// the order the files are configured in, so the same files always give the same sequence.
/// </summary>
public sealed class ReplayFeed(IReadOnlyList<ReplaySource> sources)
{
    public IReadOnlyList<ReplaySource> Sources { get; } = sources;

    public IEnumerable<Candle> ReadAll()
    {
        var cursors = new List<IEnumerator<Candle>>();
        try
        {
            foreach (var source in Sources)
            {
                var cursor = CandleCsvReader.Read(source.Path, source.Symbol, source.Interval).GetEnumerator();
                cursors.Add(cursor);
            }

            var heads = new Candle?[cursors.Count];
            for (var i = 0; i < cursors.Count; i++)
            {
                heads[i] = cursors[i].MoveNext() ? cursors[i].Current : null;
            }

            while (true)
            {
                var next = -1;
                for (var i = 0; i < heads.Length; i++)
                {
                    if (heads[i] is { } head && (next < 0 || Earlier(head, heads[next]!)))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    yield break;
                }

                yield return heads[next]!;
                heads[next] = cursors[next].MoveNext() ? cursors[next].Current : null;
            }
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                cursor.Dispose();
            }
        }
    }

    private static bool Earlier(Candle a, Candle b) =>
        a.CloseTime < b.CloseTime || (a.CloseTime == b.CloseTime && a.OpenTime < b.OpenTime);
}

/// <summary>One file of the replay feed.</summary>
public sealed record ReplaySource(Symbol Symbol, Interval Interval, string Path);
