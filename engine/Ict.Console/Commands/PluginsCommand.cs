using System.CommandLine;
using System.Text.Json;
using Ict.Engine.Configuration;
using Ict.Engine.Plugins;

namespace Ict.Console.Commands;

/// <summary><c>ict plugins list</c>: what the configured plugin directories hold.</summary>
internal static class PluginsCommand
{
    public static Command Create(Option<string> configOption)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array instead of a table." };
        var list = new Command("list", "List every plugin found in the configured plugin directories, with its state.") { configOption, json };
        list.SetAction(parse => List(parse.GetValue(configOption)!, parse.GetValue(json)));
        return new Command("plugins", "Inspect plugins.") { list };
    }

    private static int List(string configPath, bool asJson)
    {
        EngineConfig config;
        try
        {
            config = EngineConfig.Load(configPath);
        }
        catch (ConfigException ex)
        {
            System.Console.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }

        var catalog = PluginCatalog.Discover(config.Options.Plugins.Directories.Select(config.ResolvePath));
        var rows = catalog.Plugins.Select(p => new
        {
            id = p.Id,
            kind = p.Kind?.ToString().ToLowerInvariant(),
            version = p.Version,
            apiVersion = p.ApiVersion,
            path = p.Path,
            state = p.State.ToString().ToLowerInvariant(),
            reason = p.Reason,
        }).ToList();

        if (asJson)
        {
            System.Console.WriteLine(JsonSerializer.Serialize(rows));
            return ExitCodes.Ok;
        }

        foreach (var row in rows)
        {
            System.Console.WriteLine($"{row.id,-24} {row.kind,-9} {row.version,-8} api v{row.apiVersion}  {row.state,-11} {row.path}{(row.reason is null ? string.Empty : "  — " + row.reason)}");
        }

        return ExitCodes.Ok;
    }
}
