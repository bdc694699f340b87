using System.CommandLine;
using System.Text.Json;
using Ict.Engine.Configuration;
using Ict.Engine.Plugins;

namespace Ict.Console.Commands;

/// <summary><c>ict plugins list</c>: what the configured plugin directories hold; <c>ict plugins check PATH</c>: is one folder loadable.</summary>
internal static class PluginsCommand
{
    public static Command Create(Option<string> configOption)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON array instead of a table." };
        var list = new Command("list", "List every plugin found in the configured plugin directories, with its state.") { configOption, json };
        list.SetAction(parse => List(parse.GetValue(configOption)!, parse.GetValue(json)));
        var path = new Argument<string>("PATH") { Description = "A plugin folder (the build output holding Name.dll and Name.deps.json)." };
        var check = new Command("check", "Validate a plugin folder without running the engine: exit 0 when it loads, 1 with the reason when it does not.") { path };
        check.SetAction(parse => PluginCheck.Run(parse.GetValue(path)!));
        return new Command("plugins", "Inspect plugins.") { list, check };
    }

    private static int List(string configPath, bool asJson)
    {
        if (!ConfigLoader.TryLoad(configPath, out var config))
        {
            return ExitCodes.BadInput;
        }

        var options = config.Options.Plugins;
        var catalog = PluginCatalog.Discover(options.Directories.Select(config.ResolvePath), new PluginTrust(options.AllowedSha256));
        // A running engine on this config publishes its live view (faults, unloads, leaks): prefer it to a fresh scan.
        var live = PluginStatusFile.ReadLive(PluginStatusFile.PathFor(config.ResolvePath(config.Options.State.Database)));
        var rows = (live ?? catalog.Plugins).Select(PluginRow.From).ToList();

        if (asJson)
        {
            System.Console.WriteLine(JsonSerializer.Serialize(rows));
            return ExitCodes.Ok;
        }

        if (live is not null)
        {
            System.Console.WriteLine("(live: the engine running on this config)");
        }

        foreach (var row in rows)
        {
            System.Console.WriteLine($"{row.id,-24} {row.kind,-9} {row.version,-8} api v{row.apiVersion}  {row.state,-11} {row.path}{(row.reason is null ? string.Empty : "  — " + row.reason)}");
        }

        return ExitCodes.Ok;
    }
}
