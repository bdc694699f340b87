using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Ict.Console.Hosting;
using Ict.Console.Tui;
using Ict.Engine;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Market;

namespace Ict.Console.Commands;

/// <summary><c>ict run</c>: the engine on the configured account.</summary>
internal static class RunCommand
{
    public static Command Create(Option<string> configOption)
    {
        var headless = new Option<bool>("--headless")
        {
            Description = "Run without the terminal UI: logs to the console and to rolling files (for servers).",
        };
        var live = new Option<bool>("--live")
        {
            Description = "Confirm trading real money when the config's mode is live (refused without it).",
        };
        var command = new Command("run", "Run the engine: replay the configured candles on the paper account, trade them, record everything in SQLite.")
        {
            configOption,
            headless,
            live,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(configOption)!, parse.GetValue(headless), parse.GetValue(live), cancel));
        return command;
    }

    private static async Task<int> RunAsync(string configPath, bool headless, bool liveConfirmed, CancellationToken cancel)
    {
        if (!ConfigLoader.TryLoad(configPath, out var config))
        {
            return ExitCodes.BadInput;
        }

        if (config.Options.Mode == TradingMode.Live && !liveConfirmed)
        {
            await System.Console.Error.WriteLineAsync($"{Path.GetFileName(config.FilePath)}: $.mode is live: real money. Start with --live to confirm.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var redactor = ConfigLoader.Redactor(config);
        var headlessBecause = HeadlessReason(headless);
        if (headlessBecause is null)
        {
            return await TerminalUi.RunAsync(config, redactor).ConfigureAwait(false);
        }

        using var log = Logging.Create(config, redactor);
        log.Information("Running headless: {Reason}", headlessBecause);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var signals = 0;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        try
        {
            await using var fake = await FakeExchangeDemo.StartIfConfiguredAsync(config, log).ConfigureAwait(false);
            await using var host = EngineHost.Create(config, log, new EngineRunOptions { Exchange = fake?.Endpoint }, redactor, ConfigLoader.Load);
            await using var status = await StatusOutputs.StartAsync(host, config.Options.Status, log, CancellationToken.None).ConfigureAwait(false);
            var summary = await host.RunAsync(stop.Token).ConfigureAwait(false);
            status.Finish();
            await System.Console.Out.WriteLineAsync(Format(summary, config, host.DatabasePath)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is ConfigException or CandleFileException)
        {
            log.Error("{Message}", ex.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            log.Fatal(ex, "The engine stopped on an unexpected error");
            return ExitCodes.Failure;
        }

        void Stop(PosixSignalContext context)
        {
            if (Interlocked.Increment(ref signals) > 1)
            {
                // A second signal: the operator will not wait. SQLite's journal keeps what was committed.
                log.Warning("{Signal} again: exiting without finishing", context.Signal);
                return;
            }

            context.Cancel = true; // finish the event in hand, flush, exit 0
            log.Information("{Signal}: finishing the current event, then stopping", context.Signal);
            stop.Cancel();
        }
    }

    /// <summary>Why there is no terminal UI: asked for, or no terminal to draw on (a service, a pipe, a redirect); null when one can run.</summary>
    private static string? HeadlessReason(bool asked) =>
        asked ? "--headless"
        : System.Console.IsOutputRedirected ? "standard output is not a terminal"
        : System.Console.IsInputRedirected ? "standard input is not a terminal"
        : !TerminalUi.CanDraw ? "TERM is not set, or is dumb: no terminal UI"
        : null;

    internal static string Format(RunSummary s, EngineConfig config, string database)
    {
        var asset = config.Options.Account.Asset;
        FormattableString text = $"""

            Run {s.RunId} summary ({s.StopReason})
              candles        {s.Candles} ({s.MissingCandles} missing in {s.Gaps} gap(s))
              patterns       {s.Patterns}
              signals        {s.Signals} ({s.RejectedSignals} rejected)
              trades         {s.Trades} ({s.Wins} won)
              win rate       {s.WinRatePercent:0.00}%
              net PnL        {s.NetPnl:0.00} {asset} (fees {s.Fees:0.00})
              max drawdown   {s.MaxDrawdown:0.00} {asset} ({s.MaxDrawdownPercent:0.00}%)
              balance        {s.StartingBalance:0.00} -> {s.FinalBalance:0.00} {asset}
              errors         {s.Errors}
              state          {database}
            """;
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
