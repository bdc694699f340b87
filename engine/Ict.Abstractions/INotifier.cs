namespace Ict.Abstractions;

/// <summary>
/// Delivers notifications. The engine calls it off the kernel thread, from a queue, so a slow or failing notifier
/// never delays trading; an exception is logged and the message is retried.
/// </summary>
public interface INotifier
{
    /// <summary>Delivers one notification.</summary>
    /// <param name="notification">What to say.</param>
    /// <param name="cancellationToken">Cancelled when the engine shuts down.</param>
    /// <returns>A task that completes when the notification is delivered; it faults when delivery failed.</returns>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
