using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeBinance;

/// <summary>
/// A loopback Binance USDⓈ-M exchange (REST + routed WebSocket paths) on Kestrel at 127.0.0.1. Host it in-process
/// with <see cref="StartAsync"/> (port 0 picks a free port) or run it from the command line.
/// </summary>
public sealed class FakeBinanceServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private WebApplication? _app;

    public FakeBinanceServer(FakeBinanceOptions? options = null)
    {
        Options = options ?? new FakeBinanceOptions();
        Exchange = new FakeExchange(FakeSymbol.Defaults, Options.StartingBalance, () => NowMs);
        Streams = new FakeStreamHub();
        Market = new FakeMarket(Streams, Exchange, () => NowMs);
        ListenKeys = new FakeListenKeys(() => NowMs);
        Exchange.UserEvent += (type, evt) =>
        {
            if (ListenKeys.Current is { } key)
            {
                Streams.PublishUser(key, type, evt);
            }
        };
        if (Options.DataCsv is { } csv && Options.ReplayStep is null)
        {
            var candles = FakeCandle.ReadCsv(csv);
            Market.AddHistory(Options.DataSymbol, Options.DataInterval, candles);
            if (candles.Count > 0)
            {
                Exchange.SetPrice(Options.DataSymbol, candles[^1].Close);
            }
        }
    }

    public FakeBinanceOptions Options { get; }

    public FakeFaults Faults { get; } = new();

    public FakeUsage Usage { get; } = new();

    public FakeExchange Exchange { get; }

    public FakeMarket Market { get; }

    public FakeStreamHub Streams { get; }

    public FakeListenKeys ListenKeys { get; }

    public int Port { get; private set; }

    public Uri RestUri => new($"http://127.0.0.1:{Port}");

    public Uri WsUri => new($"ws://127.0.0.1:{Port}");

    /// <summary>Every REST request received, in order (for assertions such as "looked up before retrying").</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToList();

    public long NowMs => Options.Time.GetUtcNow().ToUnixTimeMilliseconds() + Faults.ClockSkewMs;

    /// <summary>Starts Kestrel on 127.0.0.1 and returns the bound port.</summary>
    public async Task<int> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, Options.Port));
        var app = builder.Build();
        // Like Binance: ping every few minutes, drop a client that does not answer (scaled by the options).
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = Options.PingInterval, KeepAliveTimeout = Options.PongTimeout });
        FakeRestApi.Map(app, this);
        FakeSocketRoutes.Map(app, this);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _app = app;
        return Port;
    }

    /// <summary>Fault knob: the listenKey expires now; its listeners get listenKeyExpired (and then nothing).</summary>
    public void ExpireListenKey()
    {
        if (ListenKeys.Expire() is { } key)
        {
            Streams.PublishUser(key, "listenKeyExpired", new Dictionary<string, object?> { ["e"] = "listenKeyExpired", ["E"] = NowMs.ToString(System.Globalization.CultureInfo.InvariantCulture), ["listenKey"] = key });
        }
    }

    /// <summary>Raised for every REST request as it arrives, before any delay or check (tests wait on it).</summary>
    public event Action<FakeRequest>? RequestReceived;

    /// <summary>Raised when a client disconnects while its request is held by <see cref="FakeFaults.ResponseDelay"/> (it is never executed).</summary>
    public event Action<FakeRequest>? RequestAborted;

    internal void RecordAborted(FakeRequest request) => RequestAborted?.Invoke(request);

    internal void Record(FakeRequest request)
    {
        _requests.Enqueue(request);
        RequestReceived?.Invoke(request);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            Streams.Drop();
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
