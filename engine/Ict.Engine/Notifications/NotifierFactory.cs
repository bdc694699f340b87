using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Plugins;

namespace Ict.Engine.Notifications;

/// <summary>
/// Creates the notifiers named in <c>$.notifiers</c>. A disabled slot is skipped; so is a slot whose endpoint
/// setting (<c>webhookUrl</c>, <c>url</c> or <c>botToken</c>) is empty — typically <c>${DISCORD_WEBHOOK_URL}</c> with
/// the variable unset — which is logged at information level, not an error.
/// </summary>
public static class NotifierFactory
{
    private static readonly string[] EndpointKeys = ["webhookUrl", "url", "botToken"];

    /// <summary>Creates the active notifiers, or only the one whose key or plugin id is <paramref name="only"/>.</summary>
    public static IReadOnlyList<NotifierEntry> Create(EngineConfig config, PluginCatalog catalog, Serilog.ILogger log, string? only = null) =>
        Create(config, catalog, log, only, newBuild: null);

    /// <summary>As <see cref="Create(EngineConfig, PluginCatalog, Serilog.ILogger, string?)"/>, taking the plugins that
    /// <paramref name="newBuild"/> declares (a folder being hot-reloaded) from it instead of the catalog.</summary>
    internal static IReadOnlyList<NotifierEntry> Create(EngineConfig config, PluginCatalog catalog, Serilog.ILogger log, string? only, IReadOnlyList<PluginDescriptor>? newBuild)
    {
        var entries = new List<NotifierEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var slots = config.Options.Notifiers;
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var count = seen[slot.Plugin] = seen.GetValueOrDefault(slot.Plugin) + 1;
            var key = count == 1 ? slot.Plugin : $"{slot.Plugin}#{count}";
            if (!slot.Enabled || (only is not null && only != key && only != slot.Plugin))
            {
                continue;
            }

            if (EmptyEndpoint(slot.Settings) is { } empty)
            {
                log.Information("Notifier {Notifier} is inactive: its {Setting} is empty (set the environment variable it names)", key, empty);
                continue;
            }

            var path = $"$.notifiers[{i}]";
            var descriptor = newBuild?.FirstOrDefault(p => p.Id == slot.Plugin && p.Kind == PluginKind.Notifier && p.State == PluginState.Loaded)
                ?? catalog.Find(slot.Plugin) ?? throw new ConfigException(
                $"{Path.GetFileName(config.FilePath)}: {path}.plugin: no notifier plugin '{slot.Plugin}' in {string.Join(", ", config.Options.Plugins.Directories)}; build the solution first: dotnet build");
            var notifier = PluginActivator.Create<INotifier>(descriptor, config, slot, path);
            entries.Add(new NotifierEntry(key, notifier, Fingerprint(slot, descriptor), slot.Kinds?.ToHashSet()));
        }

        return entries;
    }

    private static string? EmptyEndpoint(JsonElement? settings)
    {
        if (settings is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (EndpointKeys.Contains(property.Name, StringComparer.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Trim().Length == 0)
            {
                return property.Name;
            }
        }

        return null;
    }

    // A hash, so the secret-bearing settings text is not kept around. The build's module id is in it too: a new build
    // of the plugin replaces the running notifier even when its settings are unchanged.
    private static string Fingerprint(PluginSlotOptions slot, PluginDescriptor descriptor) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(slot.Plugin + "\n" + string.Join(',', slot.Kinds ?? []) + "\n"
            + (slot.Settings?.GetRawText() ?? string.Empty) + "\n" + descriptor.Type?.Module.ModuleVersionId.ToString("N"))));
}
