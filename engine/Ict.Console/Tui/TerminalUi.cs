using System.Runtime.InteropServices;
using Ict.Console.Hosting;
using Ict.Engine;
using Ict.Engine.Configuration;
using Ict.Engine.Market;
using Ict.Engine.Secrets;

namespace Ict.Console.Tui;

/// <summary>
/// <c>ict run</c> with a terminal attached: the engine under the terminal UI. While the UI is live the log goes to the
/// Log pane and the rolling file, never raw to the terminal; so does anything a plugin prints. <c>q</c>, SIGINT or
/// SIGTERM stop the engine cleanly (the event in hand is finished, the state flushed), then the run's summary is
/// printed on the normal screen and the exit code is 0.
/// </summary>
internal static class TerminalUi
{
    /// <summary>Whether the terminal (stdin and stdout not redirected, checked by the caller) can draw a frame.</summary>
    public static bool CanDraw =>
        Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";

    public static async Task<int> RunAsync(EngineConfig config, SecretRedactor redactor)
    {
        var ring = new LogRing(Logging.ConsoleFormatter(redactor), redactor);
        using var log = Logging.Create(config, redactor, screen: ring);
        var terminal = System.Console.Out;
        var errors = System.Console.Error;

        // exchange.venue = fake: a loopback Binance in this process, started before the engine connects to it.
        await using var fake = await Commands.FakeExchangeDemo.StartIfConfiguredAsync(config, log).ConfigureAwait(false);
        EngineHost host;
        try
        {
            host = EngineHost.Create(config, log, new EngineRunOptions { Exchange = fake?.Endpoint }, redactor, ConfigLoader.Load);
        }
        catch (Exception ex) when (ex is ConfigException or CandleFileException)
        {
            log.Error("{Message}", ex.Message);
            await errors.WriteLineAsync(redactor.Redact(ex.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception ex)
        {
            // e.g. the exchange could not be reached or refused the keys: nothing was drawn yet, so say it plainly.
            log.Fatal(ex, "The engine could not start");
            await errors.WriteLineAsync(redactor.Redact($"The engine could not start: {ex.Message}")).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        TuiSession session;
        await using (host.ConfigureAwait(false))
        {
            // status.json for `ict status` and the metrics endpoint, as in a headless run.
            await using var status = await StatusOutputs.StartAsync(host, config.Options.Status, log, CancellationToken.None).ConfigureAwait(false);
            session = new TuiSession(host, ring, terminal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            var capture = new ConsoleCapture(ring);
            System.Console.SetOut(capture);
            System.Console.SetError(capture);
            try
            {
                await session.RunAsync().ConfigureAwait(false);
            }
            finally
            {
                System.Console.SetOut(terminal);
                System.Console.SetError(errors);
            }

            status.Finish();
            if (session.Summary is { } summary)
            {
                await terminal.WriteLineAsync(Commands.RunCommand.Format(summary, config, host.DatabasePath)).ConfigureAwait(false);
            }
        }

        if (session.Failure is { } failure)
        {
            log.Fatal(failure, "The engine stopped on an unexpected error");
            await errors.WriteLineAsync(redactor.Redact($"The engine stopped on an unexpected error: {failure.Message}")).ConfigureAwait(false);
            return failure is ConfigException or CandleFileException ? ExitCodes.BadInput : ExitCodes.Failure;
        }

        return ExitCodes.Ok;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true; // finish the event in hand, flush, exit 0
            log.Information("{Signal}: finishing the current event, then stopping", context.Signal);
            session.Signal();
        }
    }
}
