using System.Net;
using Ict.Engine.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ict.Console.Hosting;

/// <summary>
/// <c>GET /metrics</c> on 127.0.0.1 only, in the Prometheus text format, from the engine's latest snapshot. Scrapes
/// never reach the kernel: they read the immutable snapshot the host last published.
/// </summary>
internal sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The scrape address, e.g. <c>http://127.0.0.1:9464/metrics</c>.</summary>
    public Uri Url { get; }

    /// <summary>Binds <paramref name="port"/> on the loopback interface (0 takes a free one) and starts serving.</summary>
    public static async Task<MetricsServer> StartAsync(int port, Func<EngineSnapshot?> latest, CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The engine owns SIGTERM and SIGINT; the web host's console lifetime would claim them too.
        builder.Services.AddSingleton<IHostLifetime, EngineOwnsSignals>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/metrics", (HttpContext context) =>
        {
            if (latest() is not { } snapshot)
            {
                return Results.Text("no snapshot yet\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Text(PrometheusText.Render(snapshot), PrometheusText.ContentType);
        });
        await app.StartAsync(cancel).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsServer(app, new Uri(new Uri(address), "/metrics"));
    }

    private sealed class EngineOwnsSignals : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
