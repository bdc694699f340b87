using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Secrets;

namespace Ict.Engine.Notifications;

/// <summary>
/// Delivers to one notifier from its own queue, so a slow or dead notifier delays nobody else. Each message is
/// tried with the policy's backoff (waits on the injected clock); after <see cref="DeliveryPolicy.DegradedAfter"/>
/// failed attempts in a row the notifier is marked degraded (logged) and gets one attempt per message until a
/// delivery succeeds (a message stops retrying once its notifier is degraded). A message that could not be
/// delivered stays in the outbox for the next start. Once its loop ends the worker disposes its notifier and lets go
/// of it before <see cref="Completion"/> completes, and that completion never runs its continuations on the worker's
/// thread: whoever awaits it (a hot reload about to check that the old build's load context unloads) does not find
/// the notifier still referenced from the worker's own stack.
/// </summary>
internal sealed class NotifierWorker
{
    private readonly Channel<(long? OutboxId, Notification Notification, TaskCompletionSource<string?>? Done)> _queue =
        Channel.CreateUnbounded<(long?, Notification, TaskCompletionSource<string?>?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly NotifierEntry _key; // the entry without its notifier: key, fingerprint and kinds only
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private INotifier? _notifier;
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly NotificationOutbox? _outbox;
    private readonly DeliveryPolicy _policy;
    private readonly CancellationTokenSource _stop = new();
    private volatile NotifierHealth _health;

    public NotifierWorker(NotifierEntry entry, Serilog.ILogger log, TimeProvider time, SecretRedactor redactor, NotificationOutbox? outbox, DeliveryPolicy policy)
    {
        _notifier = entry.Notifier;
        _key = entry with { Notifier = Released.Instance };
        _log = log;
        _time = time;
        _redactor = redactor;
        _outbox = outbox;
        _policy = policy;
        _health = new NotifierHealth(entry.Key, false, 0, 0, 0, null);
        _ = Task.Run(RunAsync);
    }

    /// <summary>Its key, fingerprint and kinds; its <c>Notifier</c> is a placeholder (the worker alone holds the real one).</summary>
    public NotifierEntry Entry => _key;

    public NotifierHealth Health => _health;

    /// <summary>Completes once the queue is delivered (or cancelled) and the notifier disposed and let go of.</summary>
    public Task Completion => _ended.Task;

    public void Post(long? outboxId, Notification notification) => _queue.Writer.TryWrite((outboxId, notification, null));

    /// <summary>
    /// Queues a message that is not kept in the outbox (a test message) and returns its fate once delivery is done:
    /// null when delivered, else the (redacted) last error.
    /// </summary>
    public Task<string?> PostWatched(Notification notification)
    {
        var done = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((null, notification, done)))
        {
            done.SetResult("the notifier has stopped");
        }

        return done.Task;
    }

    /// <summary>Takes no more messages; the loop ends once the queue is delivered.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public void Cancel() => _stop.Cancel();

    private async Task RunAsync()
    {
        try
        {
            await foreach (var (outboxId, notification, done) in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                var error = await DeliverAsync(outboxId, notification).ConfigureAwait(false);
                done?.TrySetResult(error);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseAsync().ConfigureAwait(false);
            _ended.TrySetResult();
        }
    }

    /// <summary>
    /// Disposes the notifier and drops the worker's reference to it. Kept out of <see cref="RunAsync"/> so no slot of
    /// that frame (still on the stack while completion is signalled) holds the notifier.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task ReleaseAsync()
    {
        var notifier = Interlocked.Exchange(ref _notifier, null);
        try
        {
            if (notifier is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                (notifier as IDisposable)?.Dispose();
            }
        }
        catch (Exception ex)
        {
            _log.Warning("Notifier {Notifier} failed to dispose: {Error}", _key.Key, _redactor.Describe(ex));
        }
    }

    /// <summary>Returns null when delivered, else the last error.</summary>
    private async Task<string?> DeliverAsync(long? outboxId, Notification notification)
    {
        var retries = _health.Degraded ? 0 : _policy.Backoff.Count;
        for (var attempt = 0; ; attempt++)
        {
            string error;
            try
            {
                await _notifier!.SendAsync(notification, _stop.Token).ConfigureAwait(false);
                Succeeded(outboxId);
                return null;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                error = _redactor.Describe(ex);
                FailedAttempt(error);
            }

            if (attempt >= retries || _health.Degraded)
            {
                GaveUp(outboxId, notification, attempt + 1, error, quiet: retries == 0);
                return error;
            }

            _log.Warning("Notifier {Notifier} failed ({Error}); retrying in {Delay}", _key.Key, error, _policy.Backoff[attempt]);
            await Task.Delay(_policy.Backoff[attempt], _time, _stop.Token).ConfigureAwait(false);
        }
    }

    private void Succeeded(long? outboxId)
    {
        var health = _health;
        if (health.Degraded)
        {
            _log.Information("Notifier {Notifier} recovered", _key.Key);
        }

        _health = health with { Degraded = false, ConsecutiveFailures = 0, Delivered = health.Delivered + 1 };
        if (outboxId is { } id)
        {
            TryOutbox(() => _outbox?.Delivered(id));
        }
    }

    private void FailedAttempt(string error)
    {
        var health = _health;
        var failures = health.ConsecutiveFailures + 1;
        var degraded = health.Degraded || failures >= _policy.DegradedAfter;
        if (degraded && !health.Degraded)
        {
            _log.Warning("Notifier {Notifier} is degraded after {Failures} failed attempts in a row ({Error}); trading goes on, its messages stay in the outbox", _key.Key, failures, error);
        }

        _health = health with { Degraded = degraded, ConsecutiveFailures = failures, LastError = error };
    }

    private void GaveUp(long? outboxId, Notification notification, int attempts, string error, bool quiet)
    {
        _health = _health with { Failed = _health.Failed + 1 };

        // Once degraded, one line per lost message would drown the log: the flush reports the totals.
        _log.Write(quiet ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Error,"Notifier {Notifier} could not deliver '{Title}' after {Attempts} attempt(s): {Error}{Kept}", _key.Key,
            _redactor.Redact(notification.Title), attempts, error, outboxId is null ? string.Empty : "; kept in the outbox for the next start");
        if (outboxId is { } id)
        {
            TryOutbox(() => _outbox?.Failed(id, error));
        }
    }

    private void TryOutbox(Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex)
        {
            _log.Warning("Notification outbox update failed: {Error}", _redactor.Describe(ex));
        }
    }

    /// <summary>Stands in for the notifier in <see cref="Entry"/>; never called.</summary>
    private sealed class Released : INotifier
    {
        public static readonly Released Instance = new();

        public Task SendAsync(Notification notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a worker's entry does not send: the worker holds the notifier");
    }
}
