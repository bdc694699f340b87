using Ict.Engine.Configuration;
using Ict.Engine.Secrets;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Ict.Console;

/// <summary>Serilog: the console (or, under the terminal UI, its Log pane) plus a daily rolling file.</summary>
internal static class Logging
{
    /// <summary>Creates the logger; every line, exceptions included, passes through <paramref name="redactor"/>.</summary>
    /// <param name="screen">When set (the terminal UI is live), lines go to it instead of the console.</param>
    public static Serilog.Core.Logger Create(EngineConfig config, SecretRedactor redactor, LogEventLevel consoleLevel = LogEventLevel.Verbose, ILogEventSink? screen = null)
    {
        var options = config.Options.Logging;
        var level = options.Level switch
        {
            Engine.Configuration.LogLevel.Debug => LogEventLevel.Debug,
            Engine.Configuration.LogLevel.Warning => LogEventLevel.Warning,
            Engine.Configuration.LogLevel.Error => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
        var directory = config.ResolvePath(options.Directory);
        var logger = new LoggerConfiguration().MinimumLevel.Is(level);
        logger = screen is null
            ? logger.WriteTo.Console(ConsoleFormatter(redactor), standardErrorFromLevel: LogEventLevel.Error, restrictedToMinimumLevel: consoleLevel)
            : logger.WriteTo.Sink(screen, restrictedToMinimumLevel: consoleLevel);
        logger = logger
            .WriteTo.File(
                Redacted("{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:l}{NewLine}{Exception}", redactor),
                Path.Combine(directory, "ict-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.RetainedFiles);
        if (options.JsonFile)
        {
            // One JSON object per line (timestamp, level, template, rendered message, properties), redacted like the rest.
            logger = logger.WriteTo.File(
                new RedactingFormatter(new JsonFormatter(renderMessage: true, formatProvider: System.Globalization.CultureInfo.InvariantCulture), redactor),
                Path.Combine(directory, "ict-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.RetainedFiles);
        }

        return logger.CreateLogger();
    }

    /// <summary>The console's line format, redacted; the terminal UI's Log pane uses it too.</summary>
    internal static ITextFormatter ConsoleFormatter(SecretRedactor redactor) =>
        Redacted("{Timestamp:HH:mm:ss} {Level:u3} {Message:l}{NewLine}{Exception}", redactor);

    private static RedactingFormatter Redacted(string template, SecretRedactor redactor) =>
        new(new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture), redactor);
}
