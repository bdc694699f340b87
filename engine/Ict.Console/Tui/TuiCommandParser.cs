namespace Ict.Console.Tui;

/// <summary>Parses what was typed after <c>:</c>. Words are case-insensitive; a symbol is upper-cased.</summary>
internal static class TuiCommandParser
{
    public const string Usage = "pause | resume | kill | kill off | reload | close SYMBOL | notify | filter [TEXT] | help | quit";

    public static TuiCommand Parse(string line)
    {
        var text = line.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var verb = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var rest = space < 0 ? string.Empty : text[(space + 1)..].Trim();

        return (verb, rest) switch
        {
            ("", _) => new TuiCommand.Say(string.Empty),
            ("pause", "") => new TuiCommand.SetPause(true),
            ("resume", "") => new TuiCommand.SetPause(false),
            ("kill", "") => new TuiCommand.RequestKill(),
            ("kill", _) when rest.Equals("off", StringComparison.OrdinalIgnoreCase) => new TuiCommand.ReleaseKill(),
            ("reload", "") => new TuiCommand.Reload(),
            ("close", "") => new TuiCommand.Say("usage: close SYMBOL (e.g. close BTCUSDT)", IsError: true),
            ("close", _) when !rest.Contains(' ', StringComparison.Ordinal) => new TuiCommand.Close(rest.ToUpperInvariant()),
            ("notify", "") or ("notify", "test") => new TuiCommand.NotifyTest(),
            ("filter", "") => new TuiCommand.Filter(null),
            ("filter", _) => new TuiCommand.Filter(rest),
            ("help", "") or ("?", "") => new TuiCommand.Help(),
            ("q", "") or ("quit", "") => new TuiCommand.Quit(),
            _ => new TuiCommand.Say($"unknown command '{text}'; commands: {Usage}", IsError: true),
        };
    }
}
