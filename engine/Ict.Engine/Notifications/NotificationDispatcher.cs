using System.Threading.Channels;
using Ict.Abstractions;

namespace Ict.Engine.Notifications;

/// <summary>
/// Sends notifications off the kernel thread. The kernel only enqueues; a background task delivers to every
/// notifier with retries and backoff, so a slow or dead notifier never delays trading. Each notifier fails alone.
/// </summary>
public sealed class NotificationDispatcher : IAsyncDisposable
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    private readonly IReadOnlyList<(string Id, INotifier Notifier)> _notifiers;
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time;
    private readonly Channel<Notification> _queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    public NotificationDispatcher(IReadOnlyList<(string Id, INotifier Notifier)> notifiers, Serilog.ILogger log, TimeProvider time)
    {
        _notifiers = notifiers;
        _log = log;
        _time = time;
        _worker = notifiers.Count == 0 ? Task.CompletedTask : Task.Run(DeliverAsync);
    }

    public long Delivered { get; private set; }

    public long Failed { get; private set; }

    public void Enqueue(Notification notification)
    {
        if (_notifiers.Count > 0)
        {
            _queue.Writer.TryWrite(notification);
        }
    }

    /// <summary>Stops taking notifications and delivers what is queued, waiting at most <paramref name="grace"/>.</summary>
    public async Task FlushAsync(TimeSpan grace)
    {
        _queue.Writer.TryComplete();
        var finished = await Task.WhenAny(_worker, Task.Delay(grace, _time)).ConfigureAwait(false);
        if (finished != _worker)
        {
            _log.Warning("Notifications still queued after {Grace}; giving up on them", grace);
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task DeliverAsync()
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            foreach (var (id, notifier) in _notifiers)
            {
                await DeliverOneAsync(id, notifier, notification).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverOneAsync(string id, INotifier notifier, Notification notification)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await notifier.SendAsync(notification, _stop.Token).ConfigureAwait(false);
                Delivered++;
                return;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (attempt >= Backoff.Length)
                {
                    Failed++;
                    _log.Error("Notifier {Notifier} failed {Attempts} times; dropped '{Title}': {Error}", id, attempt + 1, notification.Title, ex.Message);
                    return;
                }

                _log.Warning("Notifier {Notifier} failed ({Error}); retrying in {Delay}", id, ex.Message, Backoff[attempt]);
                try
                {
                    await Task.Delay(Backoff[attempt], _time, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
