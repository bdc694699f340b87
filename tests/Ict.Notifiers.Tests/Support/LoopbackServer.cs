using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ict.Notifiers.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 (port 0) standing in for Discord or any webhook.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    /// <summary>Answers the next request with this status and body (default: 204).</summary>
    public void Enqueue(int status, string body = "", string? retryAfterHeader = null) =>
        _script.Enqueue(new ScriptedResponse(status, body, retryAfterHeader));

    /// <summary>Waits for the next request, failing after the timeout.</summary>
    public async Task<ReceivedRequest> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
    }

    public bool TryNext(out ReceivedRequest? request) => _received.Reader.TryRead(out request);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var reply = _script.TryDequeue(out var scripted) ? scripted : new ScriptedResponse(204, string.Empty, null);
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfterHeader is { } header)
        {
            context.Response.Headers.RetryAfter = header;
        }

        if (reply.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body).ConfigureAwait(false);
        }

        _received.Writer.TryWrite(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType ?? string.Empty, body));
    }

    private sealed record ScriptedResponse(int Status, string Body, string? RetryAfterHeader);
}

/// <summary>What the server received.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, string ContentType, string Body);
