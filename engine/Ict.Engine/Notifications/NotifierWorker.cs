using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Secrets;

namespace Ict.Engine.Notifications;

/// <summary>
/// Delivers to one notifier from its own queue, so a slow or dead notifier delays nobody else. Each message is
/// tried with the policy's backoff (waits on the injected clock); after <see cref="DeliveryPolicy.DegradedAfter"/>
/// failed attempts in a row the notifier is marked degraded (logged) and gets one attempt per message until a
/// delivery succeeds (a message stops retrying once its notifier is degraded). A message that could not be
/// delivered stays in the outbox for the next start.
/// </summary>
internal sealed class NotifierWorker
{
    private readonly Channel<(long? OutboxId, Notification Notification, TaskCompletionSource<string?>? Done)> _queue =
        Channel.CreateUnbounded<(long?, Notification, TaskCompletionSource<string?>?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly NotifierEntry _entry;
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly NotificationOutbox? _outbox;
    private readonly DeliveryPolicy _policy;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile NotifierHealth _health;

    public NotifierWorker(NotifierEntry entry, Serilog.ILogger log, TimeProvider time, SecretRedactor redactor, NotificationOutbox? outbox, DeliveryPolicy policy)
    {
        _entry = entry;
        _log = log;
        _time = time;
        _redactor = redactor;
        _outbox = outbox;
        _policy = policy;
        _health = new NotifierHealth(entry.Key, false, 0, 0, 0, null);
        _loop = Task.Run(RunAsync);
    }

    public NotifierEntry Entry => _entry;

    public NotifierHealth Health => _health;

    public Task Completion => _loop;

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
            (_entry.Notifier as IDisposable)?.Dispose();
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
                await _entry.Notifier.SendAsync(notification, _stop.Token).ConfigureAwait(false);
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

            _log.Warning("Notifier {Notifier} failed ({Error}); retrying in {Delay}", _entry.Key, error, _policy.Backoff[attempt]);
            await Task.Delay(_policy.Backoff[attempt], _time, _stop.Token).ConfigureAwait(false);
        }
    }

    private void Succeeded(long? outboxId)
    {
        var health = _health;
        if (health.Degraded)
        {
            _log.Information("Notifier {Notifier} recovered", _entry.Key);
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
            _log.Warning("Notifier {Notifier} is degraded after {Failures} failed attempts in a row ({Error}); trading goes on, its messages stay in the outbox", _entry.Key, failures, error);
        }

        _health = health with { Degraded = degraded, ConsecutiveFailures = failures, LastError = error };
    }

    private void GaveUp(long? outboxId, Notification notification, int attempts, string error, bool quiet)
    {
        _health = _health with { Failed = _health.Failed + 1 };

        // Once degraded, one line per lost message would drown the log: the flush reports the totals.
        _log.Write(quiet ? Serilog.Events.LogEventLevel.Debug : Serilog.Events.LogEventLevel.Error,"Notifier {Notifier} could not deliver '{Title}' after {Attempts} attempt(s): {Error}{Kept}", _entry.Key,
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
}
