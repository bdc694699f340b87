using System.CommandLine;
using System.Text.RegularExpressions;
using Ict.Engine.Configuration;

namespace Ict.Console.Commands;

/// <summary>
/// <c>ict kill-switch on|off</c>: sets <c>$.killSwitch.engaged</c> in the config file. A running engine watching that
/// file applies it at once (on: no new entries, and every position closed when <c>flattenOnEngage</c>); the next
/// start honours it too. Only that one value is rewritten; comments and layout stay.
/// </summary>
internal static partial class KillSwitchCommand
{
    public static Command Create(Option<string> configOption)
    {
        var state = new Argument<string>("STATE") { Description = "on (refuse new entries) or off." };
        state.AcceptOnlyFromAmong("on", "off");
        var command = new Command("kill-switch", "Engage (on) or release (off) the kill switch in the config; a running engine applies it live.")
        {
            configOption,
            state,
        };
        command.SetAction((parse, cancel) => SetAsync(parse.GetValue(configOption)!, parse.GetValue(state) == "on", cancel));
        return command;
    }

    private static async Task<int> SetAsync(string configPath, bool engage, CancellationToken cancel)
    {
        if (!File.Exists(configPath))
        {
            await System.Console.Error.WriteLineAsync($"{configPath}: config file not found").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var text = await File.ReadAllTextAsync(configPath, cancel).ConfigureAwait(false);
        var section = Section().Match(text);
        var engaged = section.Success ? Engaged().Match(section.Value) : Match.Empty;
        if (!engaged.Success)
        {
            await System.Console.Error.WriteLineAsync($"{configPath}: no \"killSwitch\": {{ \"engaged\": … }} entry; add \"killSwitch\": {{ \"engaged\": false }} first").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var value = engage ? "true" : "false";
        var start = section.Index + engaged.Groups["value"].Index;
        var updated = text[..start] + value + text[(start + engaged.Groups["value"].Length)..];
        await File.WriteAllTextAsync(configPath, updated, cancel).ConfigureAwait(false);
        try
        {
            var flatten = ConfigLoader.Load(configPath).Options.KillSwitch.FlattenOnEngage;
            await System.Console.Out.WriteLineAsync(engage
                ? $"Kill switch ON in {configPath}: no new entries{(flatten ? "; a running engine closes every position" : string.Empty)}."
                : $"Kill switch OFF in {configPath}: entries allowed.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (ConfigException ex)
        {
            await System.Console.Error.WriteLineAsync($"Kill switch written, but the config does not load: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    [GeneratedRegex("\"killSwitch\"\\s*:\\s*\\{[^}]*\\}")]
    private static partial Regex Section();

    [GeneratedRegex("\"engaged\"\\s*:\\s*(?<value>true|false)")]
    private static partial Regex Engaged();
}
