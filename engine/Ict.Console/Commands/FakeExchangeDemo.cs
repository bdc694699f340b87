using System.Security.Cryptography;
using FakeBinance;
using Ict.Engine.Configuration;
using Ict.Engine.Live;
using Ict.Exchange.Binance.Config;

namespace Ict.Console.Commands;

/// <summary>
/// <c>exchange.venue: fake</c>: a FakeBinance on a free 127.0.0.1 port, seeded from the first replay file (its first
/// half is history, the second half streams one candle every <c>exchange.fake.replayMs</c>), with a fresh key pair
/// that exists only in this process. The engine then trades it exactly as it would trade Binance.
/// </summary>
internal sealed class FakeExchangeDemo : IAsyncDisposable
{
    private readonly FakeBinanceServer _server;
    private readonly CancellationTokenSource _stop = new();
    private Task _replay = Task.CompletedTask;

    private FakeExchangeDemo(FakeBinanceServer server, ExchangeEndpoint endpoint)
    {
        _server = server;
        Endpoint = endpoint;
    }

    public ExchangeEndpoint Endpoint { get; }

    public static async Task<FakeExchangeDemo?> StartIfConfiguredAsync(EngineConfig config, Serilog.ILogger log)
    {
        var options = config.Options;
        if (options.Mode == TradingMode.Paper || options.Exchange.Venue != ExchangeVenue.Fake)
        {
            return null;
        }

        var file = options.MarketData.Replay.Files[0];
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var server = new FakeBinanceServer(new FakeBinanceOptions
        {
            ApiKey = key,
            ApiSecret = secret,
            DataCsv = config.ResolvePath(file.Path),
            DataSymbol = file.Symbol,
            DataInterval = file.Interval,
            ReplayStep = TimeSpan.FromMilliseconds(options.Exchange.Fake.ReplayMs),
            StartingBalance = options.Account.StartingBalance,
        });
        var port = await server.StartAsync().ConfigureAwait(false);
        var demo = new FakeExchangeDemo(server, new ExchangeEndpoint(server.RestUri, server.WsUri, new BinanceCredentials(key, secret)));
        // Stream only once the engine has subscribed: the history is served at once, the live part waits for it.
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Streams.Connected += (route, _) =>
        {
            if (route == "market")
            {
                subscribed.TrySetResult();
            }
        };
        demo._replay = Task.Run(() => new FakeReplay(server).RunAsync(server.Options.ReplayStep!.Value, demo._stop.Token, () => subscribed.Task));
        log.Information("Fake exchange on 127.0.0.1:{Port}, streaming {Symbol} {Interval} from {Path} every {Ms} ms", port, file.Symbol, file.Interval, file.Path, options.Exchange.Fake.ReplayMs);
        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _replay.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _server.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
