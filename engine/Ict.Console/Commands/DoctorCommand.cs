using System.CommandLine;
using Ict.Console.Commands.Doctor;
using Ict.Engine.Configuration;
using Ict.Exchange.Binance.Config;

namespace Ict.Console.Commands;

/// <summary>
/// <c>ict doctor</c>: checks what a server needs before (or while) it runs the engine, one line per check:
/// <c>ok|warn|fail  name  detail</c>. Exit 0 when nothing failed, 1 otherwise. It changes nothing.
/// </summary>
internal static class DoctorCommand
{
    private static readonly TimeSpan ClockTimeout = TimeSpan.FromSeconds(5);

    public static Command Create(Option<string> configOption)
    {
        var venueUrl = new Option<string?>("--venue-url")
        {
            Description = "Check the clock against this REST base URL (default: the mode's Binance endpoint; none in paper mode).",
        };
        var command = new Command("doctor", """
            Check the config, plugin directories and permissions, plugins, the database, clock skew against the venue and free disk.
            Prints 'ok|warn|fail  name  detail' per check; exit 0 when none failed, 1 otherwise.
            """)
        {
            configOption,
            venueUrl,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(configOption)!, parse.GetValue(venueUrl), cancel));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, string? venueText, CancellationToken cancel)
    {
        Uri? venueUrl = null;
        if (venueText is not null && (!Uri.TryCreate(venueText, UriKind.Absolute, out venueUrl) || venueUrl.Scheme is not ("http" or "https")))
        {
            await System.Console.Error.WriteLineAsync($"--venue-url: '{venueText}' is not an http(s) URL").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var lines = new List<DoctorLine>();
        void Print(DoctorLine line)
        {
            lines.Add(line);
            System.Console.WriteLine(line);
        }

        EngineConfig config;
        try
        {
            config = ConfigLoader.Load(configPath);
        }
        catch (ConfigException ex)
        {
            foreach (var problem in ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Print(DoctorLine.Fail("config", problem));
            }

            return ExitCodes.Failure;
        }

        var options = config.Options;
        Print(DoctorLine.Ok("config", $"{config.FilePath}: {options.Mode.ToString().ToLowerInvariant()} mode, {options.Strategies.Count(s => s.Enabled)} strateg(ies), risk {options.Risk?.Plugin}, {options.Notifiers.Count(n => n.Enabled)} notifier(s)"));
        foreach (var line in PluginChecks.Run(config))
        {
            Print(line);
        }

        var database = config.ResolvePath(options.State.Database);
        Print(DatabaseLine.Run(database));
        Print(await ClockAsync(options, venueUrl, cancel).ConfigureAwait(false));
        Print(DiskCheck.Run("disk state", Path.GetDirectoryName(database)!));
        Print(DiskCheck.Run("disk logs", config.ResolvePath(options.Logging.Directory)));

        return lines.Any(l => l.Status == DoctorStatus.Fail) ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static Task<DoctorLine> ClockAsync(EngineOptions options, Uri? venueUrl, CancellationToken cancel)
    {
        if (venueUrl is null && options.Mode == TradingMode.Paper)
        {
            return Task.FromResult(DoctorLine.Ok("clock", "skipped: paper mode (no venue to compare with; --venue-url checks one)"));
        }

        if (venueUrl is null && options.Exchange.Venue == ExchangeVenue.Fake)
        {
            return Task.FromResult(DoctorLine.Ok("clock", "skipped: the fake exchange runs inside ict run, on this machine's clock"));
        }

        // The URL the engine itself would use: $.exchange.restBaseUrl when set, else Binance's for the mode.
        var restBase = venueUrl ?? options.Exchange.RestBaseUrl
            ?? new BinanceOptions { Mode = options.Mode == TradingMode.Live ? BinanceMode.Live : BinanceMode.Testnet }.EffectiveRestBaseUrl;
        return ClockCheck.RunAsync(restBase, TimeProvider.System, ClockTimeout, cancel);
    }
}
