namespace FakeBinance;

/// <summary>
/// Replays a price path for demos: each step streams the next candle as open → high → low → close updates
/// (x=false) and then closes it (x=true), moving the price so orders match along the way. Candles are re-stamped
/// so the newest one closes at the current server time.
/// </summary>
public sealed class FakeReplay(FakeBinanceServer server)
{
    public async Task RunAsync(TimeSpan step, CancellationToken ct)
    {
        var o = server.Options;
        if (o.DataCsv is null)
        {
            return;
        }

        var candles = FakeCandle.ReadCsv(o.DataCsv);
        var intervalMs = FakeMarket.IntervalMs(o.DataInterval);
        var openTime = (server.NowMs / intervalMs) * intervalMs;
        using var timer = new PeriodicTimer(step, o.Time);
        foreach (var c in candles)
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
