using System.CommandLine;
using System.Globalization;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Notifications;
using Ict.Engine.Plugins;
using Ict.Engine.Secrets;
using Serilog;
using Serilog.Formatting.Display;

namespace Ict.Console.Commands;

/// <summary>
/// <c>ict notify test [NAME]</c>: sends one test message through every active notifier of the config (or the one
/// named, by plugin id or key such as <c>webhook#2</c>) and reports each result. Exit 0 when every one delivered,
/// 1 otherwise, 2 on a bad config. Nothing printed contains a secret: URLs and tokens are redacted.
/// </summary>
internal static class NotifyCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Command Create(Option<string> configOption)
    {
        var name = new Argument<string?>("NAME")
        {
            Description = "Only this notifier (plugin id, e.g. discord, or key, e.g. webhook#2). Default: all active notifiers.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var test = new Command("test", "Send a test message through the configured notifiers; exit 0 when delivered, 1 otherwise.")
        {
            configOption,
            name,
        };
        test.SetAction((parse, cancel) => TestAsync(parse.GetValue(configOption)!, parse.GetValue(name), cancel));
        return new Command("notify", "Notifier tools.") { test };
    }

    private static async Task<int> TestAsync(string configPath, string? only, CancellationToken cancel)
    {
        if (!ConfigLoader.TryLoad(configPath, out var config))
        {
            return ExitCodes.BadInput;
        }

        var redactor = ConfigLoader.Redactor(config);
        using var log = new LoggerConfiguration()
            .WriteTo.Console(new RedactingFormatter(new MessageTemplateTextFormatter("{Level:u3} {Message:lj}{NewLine}", CultureInfo.InvariantCulture), redactor))
            .CreateLogger();

        IReadOnlyList<NotifierEntry> notifiers;
        try
        {
            var catalog = PluginCatalog.Discover(config.Options.Plugins.Directories.Select(config.ResolvePath));
            notifiers = NotifierFactory.Create(config, catalog, log, only);
        }
        catch (ConfigException ex)
        {
            await System.Console.Error.WriteLineAsync(redactor.Redact(ex.Message)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        if (notifiers.Count == 0)
        {
            await System.Console.Error.WriteLineAsync(only is null
                ? "No active notifier in the config."
                : $"No active notifier '{only}' in the config (is it configured, enabled, and its URL or token set?).").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        var failures = 0;
        foreach (var entry in notifiers)
        {
            var result = await SendAsync(entry, cancel).ConfigureAwait(false);
            if (result is not null)
            {
                failures++;
            }

            await System.Console.Out.WriteLineAsync(redactor.Redact($"{entry.Key}: {result ?? "delivered"}")).ConfigureAwait(false);
            (entry.Notifier as IDisposable)?.Dispose();
        }

        return failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Returns null when delivered, else why not (unredacted; the caller redacts).</summary>
    private static async Task<string?> SendAsync(NotifierEntry entry, CancellationToken cancel)
    {
        var now = TimeProvider.System.GetUtcNow();
        var message = new Notification(NotificationKind.Test, Severity.Info, "ict test message",
            string.Create(CultureInfo.InvariantCulture, $"Sent by `ict notify test` at {now:yyyy-MM-dd HH:mm:ss} UTC: the {entry.Key} notifier works."), now);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Timeout);
        try
        {
            await entry.Notifier.SendAsync(message, timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return $"failed: no answer within {Timeout.TotalSeconds:0}s";
        }
        catch (Exception ex)
        {
            return $"failed: {ex.GetType().Name}: {ex.Message}";
        }
    }
}
