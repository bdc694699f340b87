namespace FakeBinance;

/// <summary>
/// Replays a CSV price path as a live market for demos. The candles are re-stamped so they are contiguous and the
/// first half ends at the current server time: that half becomes history (for warm-up and backfill); the second half
/// is streamed one candle per step as open → high → low → close updates (x=false) and a close (x=true), moving the
/// price so orders match along the way.
/// </summary>
public sealed class FakeReplay(FakeBinanceServer server)
{
    /// <param name="step">Wall-clock time between two streamed candles.</param>
    /// <param name="startWhen">Awaited after the history is in place, before the first candle is streamed (e.g. until a
    /// client has subscribed, so a demo does not stream into the void while its engine starts).</param>
    public async Task RunAsync(TimeSpan step, CancellationToken ct, Func<Task>? startWhen = null)
    {
        var o = server.Options;
        if (o.DataCsv is null)
        {
            return;
        }

        var candles = FakeCandle.ReadCsv(o.DataCsv);
        var intervalMs = FakeMarket.IntervalMs(o.DataInterval);
        var half = candles.Count / 2;
        var openTime = ((server.NowMs / intervalMs) * intervalMs) - (half * intervalMs);
        var history = candles.Take(half).Select((c, i) => c with { OpenTime = openTime + (i * intervalMs) }).ToList();
        server.Market.AddHistory(o.DataSymbol, o.DataInterval, history);
        if (history.Count > 0)
        {
            server.Exchange.SetPrice(o.DataSymbol, history[^1].Close);
        }

        openTime += half * intervalMs;
        if (startWhen is not null)
        {
            await startWhen().WaitAsync(ct).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(step, o.Time);
        foreach (var c in candles.Skip(half))
        {
            if (!await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                return;
            }

            var stamped = c with { OpenTime = openTime };
            foreach (var price in new[] { c.Open, c.High, c.Low })
            {
                server.Market.PublishPartial(o.DataSymbol, o.DataInterval, stamped with { Close = price });
            }

            server.Market.PublishClosed(o.DataSymbol, o.DataInterval, stamped);
            openTime += intervalMs;
        }
    }
}
