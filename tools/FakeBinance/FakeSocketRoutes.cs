using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FakeBinance;

/// <summary>The routed WebSocket paths of 2026: /market, /public, /private, plus the legacy unrouted /ws and /stream.</summary>
internal static class FakeSocketRoutes
{
    public static void Map(WebApplication app, FakeBinanceServer server)
    {
        app.Map("/market/stream", ctx => Accept(ctx, server, "market", Streams(ctx.Request.Query["streams"]), combined: true));
        app.Map("/market/ws/{**streams}", ctx => Accept(ctx, server, "market", Streams(ctx.Request.RouteValues["streams"] as string), combined: false));
        app.Map("/public/{**rest}", ctx => Accept(ctx, server, "public", [], combined: true));
        app.Map("/ws/{**rest}", ctx => Accept(ctx, server, "unrouted", [], combined: false));
        app.Map("/stream", ctx => Accept(ctx, server, "unrouted", [], combined: true));
        app.Map("/private/ws", ctx => AcceptPrivate(ctx, server));
        app.Map("/private/stream", ctx => AcceptPrivate(ctx, server));
    }

    private static string[] Streams(string? value) =>
        (value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task Accept(HttpContext ctx, FakeBinanceServer server, string route, string[] streams, bool combined)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = 400;
            return;
        }

        using var socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await server.Streams.HandleAsync(socket, route, streams, combined, null, null, ctx.RequestAborted).ConfigureAwait(false);
    }

    private static async Task AcceptPrivate(HttpContext ctx, FakeBinanceServer server)
    {
        var key = ctx.Request.Query["listenKey"].ToString();
        if (!ctx.WebSockets.IsWebSocketRequest || !server.ListenKeys.IsValid(key))
        {
            ctx.Response.StatusCode = 400;
            return;
        }

        var events = ctx.Request.Query["events"].ToString();
        HashSet<string>? allow = events.Length == 0 ? null : new HashSet<string>(Streams(events), StringComparer.Ordinal);
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await server.Streams.HandleAsync(socket, "private", [], true, key, allow, ctx.RequestAborted).ConfigureAwait(false);
    }
}
