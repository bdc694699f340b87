using Ict.Engine.Plugins;

namespace Ict.Console.Commands;

/// <summary>One line of <c>ict plugins list</c>; with <c>--json</c>, exactly these keys.</summary>
internal sealed record PluginRow(string id, string? kind, string version, int apiVersion, string path, string state, string? reason)
{
    public static PluginRow From(PluginDescriptor p) => new(
        p.Id, p.Kind?.ToString().ToLowerInvariant(), p.Version, p.ApiVersion, p.Path, p.State.ToString().ToLowerInvariant(), p.Reason);
}
