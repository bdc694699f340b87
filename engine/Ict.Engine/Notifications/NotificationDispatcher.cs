using Ict.Abstractions;
using Ict.Engine.Secrets;
using Ict.Engine.State;

namespace Ict.Engine.Notifications;

/// <summary>
/// Sends notifications off the kernel thread. The kernel only enqueues: each notification is written to the
/// outbox (in the kernel's transaction) and handed to one worker per notifier, which delivers with retries and
/// backoff. A slow, dead or degraded notifier never delays trading or the other notifiers. The set of notifiers can
/// be replaced while running (<see cref="Apply"/>); unchanged ones keep running. It owns the outbox it is given.
/// </summary>
public sealed class NotificationDispatcher : IAsyncDisposable
{
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly StateStore? _store;
    private readonly NotificationOutbox? _outbox;
    private readonly DeliveryPolicy _policy;
    private readonly Lock _gate = new();
    private readonly List<NotifierWorker> _retired = [];
    private readonly List<NotifierHealth> _finished = []; // retired workers that ended: their figures, not their notifier
    private volatile IReadOnlyList<NotifierWorker> _workers = [];
    private bool _started;
    private bool _flushed;

    public NotificationDispatcher(Serilog.ILogger log, TimeProvider time, SecretRedactor? redactor = null,
        StateStore? store = null, NotificationOutbox? outbox = null, DeliveryPolicy? policy = null)
    {
        _log = log;
        _time = time;
        _redactor = redactor ?? SecretRedactor.None;
        _store = store;
        _outbox = outbox;
        _policy = policy ?? new DeliveryPolicy();
    }

    public long Delivered => Figures().Sum(h => h.Delivered);

    public long Failed => Figures().Sum(h => h.Failed);

    public IReadOnlyList<NotifierHealth> Health => _workers.Select(w => w.Health).ToList();

    public IReadOnlyList<string> Keys => _workers.Select(w => w.Entry.Key).ToList();

    /// <summary>
    /// Makes <paramref name="entries"/> the notifiers in use: a notifier with the same key and config keeps running
    /// (the new instance is disposed), a removed or changed one finishes its queue and stops. The first call also
    /// sends again what the outbox still holds for each notifier.
    /// </summary>
    public void Apply(IReadOnlyList<NotifierEntry> entries) => ApplyCore(entries);

    /// <summary>
    /// Like <see cref="Apply"/>, and completes once every notifier it retired has finished its queue and let go of its
    /// instance (a new build of a notifier plugin replaces the running one: its old load context can then unload).
    /// </summary>
    public async Task ApplyAndDrainAsync(IReadOnlyList<NotifierEntry> entries)
    {
        var retired = ApplyCore(entries);
        // A worker's completion never runs this continuation on the worker's own thread (whose stack would still hold
        // it), and the worker has let go of its notifier before completing: the caller may check the unload at once.
        await Task.WhenAll(retired.Select(w => w.Completion)).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        retired.Clear();
        lock (_gate)
        {
            Prune();
        }
    }

    private List<NotifierWorker> ApplyCore(IReadOnlyList<NotifierEntry> entries)
    {
        var retired = new List<NotifierWorker>();
        lock (_gate)
        {
            Prune();
            var current = _workers.ToDictionary(w => w.Entry.Key, StringComparer.Ordinal);
            var next = new List<NotifierWorker>();
            foreach (var entry in entries)
            {
                if (current.Remove(entry.Key, out var running) && running.Entry.Fingerprint == entry.Fingerprint)
                {
                    (entry.Notifier as IDisposable)?.Dispose();
                    next.Add(running);
                    continue;
                }

                if (running is not null)
                {
                    Retire(running);
                    retired.Add(running);
                    _log.Information("Notifier {Notifier} reconfigured", entry.Key);
                }
                else if (_started)
                {
                    _log.Information("Notifier {Notifier} added", entry.Key);
                }

                var worker = new NotifierWorker(entry, _log, _time, _redactor, _outbox, _policy);
                if (!_started)
                {
                    Resend(worker);
                }

                next.Add(worker);
            }

            foreach (var removed in current.Values)
            {
                Retire(removed);
                retired.Add(removed);
                _log.Information("Notifier {Notifier} removed", removed.Entry.Key);
            }

            _workers = next;
            _started = true;
        }

        return retired;
    }

    /// <summary>Keeps only the figures of retired workers that have ended, so nothing holds their notifier instance.</summary>
    private void Prune()
    {
        foreach (var done in _retired.Where(w => w.Completion.IsCompleted).ToList())
        {
            _retired.Remove(done);
            _finished.Add(done.Health);
        }
    }

    private List<NotifierHealth> Figures()
    {
        lock (_gate)
        {
            return [.. _workers.Select(w => w.Health), .. _retired.Select(w => w.Health), .. _finished];
        }
    }

    /// <summary>Queues a notification for every notifier. Called on the kernel thread; never waits for delivery.</summary>
    public void Enqueue(Notification notification)
    {
        var workers = _workers;
        if (workers.Count == 0)
        {
            return;
        }

        var payload = _store is null ? null : _redactor.Redact(NotificationJson.Serialize(notification));
        foreach (var worker in workers)
        {
            if (!worker.Entry.Wants(notification.Kind))
            {
                continue;
            }

            long? id = null;
            if (payload is not null)
            {
                id = _store!.InsertOutbox(worker.Entry.Key, payload, notification.Time);
            }

            worker.Post(id, notification);
        }
    }

    /// <summary>
    /// Sends <paramref name="notification"/> through every running notifier, whatever kinds it is limited to, without
    /// the outbox (an operator's test message). Each task ends with null when delivered, else the last error.
    /// </summary>
    public IReadOnlyList<(string Key, Task<string?> Result)> SendWatched(Notification notification) =>
        _workers.Select(w => (w.Entry.Key, w.PostWatched(notification))).ToList();

    /// <summary>Stops taking notifications and delivers what is queued, waiting at most <paramref name="grace"/>.</summary>
    public async Task FlushAsync(TimeSpan grace)
    {
        List<NotifierWorker> all;
        lock (_gate)
        {
            if (_flushed)
            {
                return;
            }

            _flushed = true;
            all = [.. _workers, .. _retired];
        }

        foreach (var worker in all)
        {
            worker.Complete();
        }

        var done = Task.WhenAll(all.Select(w => w.Completion));
        var finished = await Task.WhenAny(done, Task.Delay(grace, _time)).ConfigureAwait(false);
        if (finished != done)
        {
            _log.Warning("Notifications still queued after {Grace}; they stay in the outbox for the next start", grace);
            foreach (var worker in all)
            {
                worker.Cancel();
            }

            await Task.WhenAll(all.Select(w => w.Completion)).ConfigureAwait(false);
        }

        List<NotifierHealth> ended;
        lock (_gate)
        {
            ended = [.. _finished];
        }

        foreach (var health in all.Select(w => w.Health).Concat(ended).Where(h => h.Degraded || h.Failed > 0))
        {
            _log.Warning("Notifier {Notifier} {State}: {Delivered} delivered, {Failed} not delivered (kept in the outbox); last error: {Error}",
                health.Key, health.Degraded ? "ended degraded" : "had failures", health.Delivered, health.Failed, health.LastError);
        }
    }

    /// <summary>Flushes (10 s at most) and closes the outbox, which the dispatcher owns.</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _outbox?.Dispose();
    }

    private void Retire(NotifierWorker worker)
    {
        worker.Complete();
        _retired.Add(worker);
    }

    private void Resend(NotifierWorker worker)
    {
        if (_outbox is null)
        {
            return;
        }

        var pending = _outbox.Pending(worker.Entry.Key);
        foreach (var (id, payload) in pending)
        {
            try
            {
                worker.Post(id, NotificationJson.Deserialize(payload));
            }
            catch (System.Text.Json.JsonException ex)
            {
                _log.Warning("Outbox row {Id} for {Notifier} is unreadable and is dropped: {Error}", id, worker.Entry.Key, ex.Message);
                _outbox.Delivered(id);
            }
        }

        if (pending.Count > 0)
        {
            _log.Information("Notifier {Notifier}: sending {Count} notification(s) left in the outbox by the previous run", worker.Entry.Key, pending.Count);
        }
    }
}
