using Ict.Engine.Configuration;
using Serilog;
using Serilog.Events;

namespace Ict.Console;

/// <summary>Serilog for headless runs: the console plus a daily rolling file.</summary>
internal static class Logging
{
    public static Serilog.Core.Logger Create(EngineConfig config, LogEventLevel consoleLevel = LogEventLevel.Verbose)
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
        return new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Error, restrictedToMinimumLevel: consoleLevel)
            .WriteTo.File(
                Path.Combine(directory, "ict-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.RetainedFiles,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }
}
