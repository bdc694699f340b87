using System.Globalization;
using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Notifications;
using Ict.Engine.Plugins;

namespace Ict.Engine;

/// <summary>
/// The operator's commands that are not kernel inputs: reload every plugin and script now, and send a test message
/// through the running notifiers. Used by the terminal UI; safe to call from any thread while the engine runs.
/// </summary>
public sealed partial class EngineHost
{
    private static readonly TimeSpan TestNotificationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Re-applies every plugin folder of <c>$.plugins.directories</c> and every script of the scripts folder, as the
    /// watchers would after a change: a changed build or script is swapped in, an unchanged plugin stays as it is, a
    /// script that no longer compiles keeps its previous version (its diagnostics land in the plugin rows).
    /// </summary>
    public async Task<ReloadResult> ReloadAsync(CancellationToken cancel)
    {
        var skipped = new List<string>();
        var folders = new List<string>();
        foreach (var directory in _config.Options.Plugins.Directories.Select(_config.ResolvePath).Where(Directory.Exists))
        {
            if (PluginTrust.DirectoryProblem(directory) is { } problem)
            {
                skipped.Add(problem);
                continue;
            }

            folders.AddRange(Directory.GetDirectories(directory).Order(StringComparer.Ordinal));
        }

        foreach (var folder in folders)
        {
            await _plugins.ApplyAsync(Path.GetFullPath(folder), cancel).ConfigureAwait(false);
        }

        var scripts = 0;
        if (_scripts is { } host)
        {
            foreach (var file in host.Files.ToList())
            {
                try
                {
                    await host.ApplyAsync(file, cancel).ConfigureAwait(false);
                    scripts++;
                }
                catch (ChannelClosedException)
                {
                    skipped.Add($"script {Path.GetFileName(file)}: the engine has stopped");
                    break;
                }
            }
        }

        _pluginActivity.ObserveCatalog(Catalog);
        _log.Information("Reload requested: {Folders} plugin folder(s) and {Scripts} script(s) re-applied", folders.Count, scripts);
        foreach (var reason in skipped)
        {
            _log.Warning("Reload: {Reason}", reason);
        }

        return new ReloadResult(folders.Count, scripts, skipped);
    }

    /// <summary>
    /// Sends a test message through every running notifier (the same notifiers the engine uses, with their retries)
    /// and waits for each result, 30 s at most. Nothing returned contains a secret.
    /// </summary>
    public async Task<IReadOnlyList<NotifierTestResult>> SendTestNotificationAsync(string source, CancellationToken cancel)
    {
        var now = TimeProvider.System.GetUtcNow();
        var message = new Notification(NotificationKind.Test, Severity.Info, "ict test message",
            string.Create(CultureInfo.InvariantCulture, $"Sent from the running engine by {source} at {now:yyyy-MM-dd HH:mm:ss} UTC: this notifier works."), now);
        var sent = _notifications.SendWatched(message);
        var results = new List<NotifierTestResult>(sent.Count);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TestNotificationTimeout);
        foreach (var (key, result) in sent)
        {
            string? failure;
            try
            {
                failure = await result.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                failure = $"no answer within {TestNotificationTimeout.TotalSeconds:0}s";
            }

            results.Add(new NotifierTestResult(key, failure is null ? null : _redactor.Redact(failure)));
        }

        return results;
    }
}

/// <summary>What an operator's reload did.</summary>
/// <param name="PluginFolders">Plugin folders re-applied.</param>
/// <param name="Scripts">Script files re-applied.</param>
/// <param name="Skipped">Why something was not re-applied (an unsafe plugin directory, a stopped engine).</param>
public sealed record ReloadResult(int PluginFolders, int Scripts, IReadOnlyList<string> Skipped);

/// <summary>One notifier's answer to a test message.</summary>
/// <param name="Key">The notifier (plugin id, or <c>id#2</c> for a repeat).</param>
/// <param name="Failure">Null when delivered; else why not (redacted).</param>
public sealed record NotifierTestResult(string Key, string? Failure);
