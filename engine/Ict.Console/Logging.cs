using Ict.Engine.Configuration;
using Ict.Engine.Secrets;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;

namespace Ict.Console;

/// <summary>Serilog for headless runs: the console plus a daily rolling file.</summary>
internal static class Logging
{
    /// <summary>Creates the logger; every line, exceptions included, passes through <paramref name="redactor"/>.</summary>
    public static Serilog.Core.Logger Create(EngineConfig config, SecretRedactor redactor, LogEventLevel consoleLevel = LogEventLevel.Verbose)
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
        var logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(Redacted("{Timestamp:HH:mm:ss} {Level:u3} {Message:l}{NewLine}{Exception}", redactor), standardErrorFromLevel: LogEventLevel.Error, restrictedToMinimumLevel: consoleLevel)
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

    private static RedactingFormatter Redacted(string template, SecretRedactor redactor) =>
        new(new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture), redactor);
}
