using FakeBinance;
using Ict.Exchange.Binance.Config;
using Ict.Exchange.Binance.Rest;

namespace Ict.Exchange.Binance.Tests.Support;

/// <summary>A FakeBinance on 127.0.0.1:0 plus a client wired to it.</summary>
internal sealed class FakeBinanceHarness : IAsyncDisposable
{
    public const string Key = "test-key-0123456789";
    public const string Secret = "test-secret-abcdefghij";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private FakeBinanceHarness(FakeBinanceServer server, TimeProvider time, BinanceRetryOptions? retry)
    {
        Server = server;
        Time = time;
        Http = new BinanceHttp(_http, server.RestUri, new BinanceCredentials(Key, Secret), time, retry);
        Rest = new BinanceRestClient(Http);
        Trading = new BinanceTradingClient(Rest);
    }

    public FakeBinanceServer Server { get; }

    public TimeProvider Time { get; }

    public BinanceHttp Http { get; }

    public BinanceRestClient Rest { get; }

    public BinanceTradingClient Trading { get; }

    public static async Task<FakeBinanceHarness> StartAsync(TimeProvider? time = null, BinanceRetryOptions? retry = null, bool sync = true)
    {
        // The fake shares the test clock, so moving the clock moves "server time" too (no spurious -1021).
        var server = new FakeBinanceServer(new FakeBinanceOptions { ApiKey = Key, ApiSecret = Secret, Time = time ?? TimeProvider.System });
        await server.StartAsync();
        var harness = new FakeBinanceHarness(server, time ?? TimeProvider.System, retry ?? new BinanceRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10) });
        if (sync)
        {
            await harness.Rest.SyncTimeAsync();
        }

        return harness;
    }

    public int CountRequests(string method, string path) => Server.Requests.Count(r => r.Method == method && r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
    }
}
