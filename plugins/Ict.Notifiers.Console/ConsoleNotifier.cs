using System.Globalization;
using Ict.Abstractions;

namespace Ict.Notifiers.ConsoleOutput;

/// <summary>Prints each notification as one line on standard output: <c>[notify] time kind title — message</c>.</summary>
[IctPlugin("console", PluginKind.Notifier, "1.0.0", PluginApi.Version)]
public sealed class ConsoleNotifier : INotifier
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <inheritdoc/>
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[notify] {notification.Time:yyyy-MM-dd HH:mm} {notification.Kind}: {notification.Title} — {notification.Message}");
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Console.Out.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await Console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
