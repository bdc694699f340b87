using System.CommandLine;
using System.CommandLine.Invocation;
using Ict.Console;
using Ict.Console.Commands;

var config = new Option<string>("--config", "-c")
{
    Description = "Path to the engine config (relative paths inside it are resolved from its folder).",
    DefaultValueFactory = _ => "engine.json",
};

var root = new RootCommand("""
    ict — a plugin-based trading engine for Binance USDⓈ-M perpetual futures.

    Exit codes: 0 done; 1 the engine failed while running; 2 bad config, bad input file or bad command line.
    """)
{
    RunCommand.Create(config),
    PluginsCommand.Create(config),
    PatternsCommand.Create(),
    BacktestCommand.Create(config),
    IndicatorsCommand.Create(),
    NotifyCommand.Create(config),
    KillSwitchCommand.Create(config),
    ScriptsCommand.Create(),
    StatusCommand.Create(config),
    DoctorCommand.Create(config),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
    }

    await Console.Error.WriteLineAsync("Run 'ict --help' for usage.").ConfigureAwait(false);
    return ExitCodes.BadInput;
}

// `ict run` handles SIGTERM and SIGINT itself (finish the event in hand, flush, exit 0, however long the flush takes;
// a second signal exits at once): System.CommandLine must not also claim them.
var invocation = new InvocationConfiguration();
if (parse.CommandResult.Command.Name == "run")
{
    invocation.ProcessTerminationTimeout = null;
}

return await parse.InvokeAsync(invocation).ConfigureAwait(false);
