using Dapper;
using Ict.Engine.Notifications;
using Ict.Engine.Secrets;
using Ict.Engine.State;
using Ict.Engine.Tests.Support;
using Ict.Notifiers.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.Tests.Notifications;

public sealed class NotificationDispatcherTests : IDisposable
{
    private readonly Serilog.ILogger _log = new Serilog.LoggerConfiguration().CreateLogger();
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_dead_notifier_neither_blocks_the_enqueue_nor_delays_the_other_notifiers()
    {
        var dead = new HangingNotifier();
        var alive = new FlakyNotifier();
        var dispatcher = new NotificationDispatcher(_log, TimeProvider.System);
        dispatcher.Apply([new("dead", dead, "a"), new("alive", alive, "b")]);

        dispatcher.Enqueue(Note.Info("one"));
        dispatcher.Enqueue(Note.Info("two"));

        await dead.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("one", (await alive.NextAsync()).Title);
        Assert.Equal("two", (await alive.NextAsync()).Title);
        await dispatcher.FlushAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_watched_test_message_reaches_every_running_notifier_and_reports_each_result()
    {
        var secret = "https://hooks.example/t0k3n-s3cr3t";
        var limited = new FlakyNotifier();
        var broken = new FlakyNotifier(failures: 100, error: $"could not post to {secret}");
        var dispatcher = new NotificationDispatcher(_log, TimeProvider.System, new SecretRedactor([secret]), policy: new DeliveryPolicy { Backoff = [] });
        dispatcher.Apply([
            new("limited", limited, "a", new HashSet<Abstractions.NotificationKind> { Abstractions.NotificationKind.PositionOpened }),
            new("broken", broken, "b"),
        ]);

        var sent = dispatcher.SendWatched(Note.Info("test"));

        Assert.Equal(["limited", "broken"], sent.Select(s => s.Key));
        Assert.Null(await sent[0].Result.WaitAsync(TimeSpan.FromSeconds(10))); // delivered, though it only wants PositionOpened
        Assert.Equal("test", (await limited.NextAsync()).Title);
        var failure = await sent[1].Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(failure);
        Assert.Contains("could not post to", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("t0k3n-s3cr3t", failure, StringComparison.Ordinal);
        Assert.Equal(1, broken.Calls);
        await dispatcher.FlushAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_watched_test_message_to_a_stopped_dispatcher_says_so()
    {
        var notifier = new FlakyNotifier();
        var dispatcher = new NotificationDispatcher(_log, TimeProvider.System);
        dispatcher.Apply([new("console", notifier, "a")]);
        await dispatcher.FlushAsync(TimeSpan.FromSeconds(5));

        var sent = Assert.Single(dispatcher.SendWatched(Note.Info("late")));

        Assert.Equal("the notifier has stopped", await sent.Result.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, notifier.Calls);
    }

    [Fact]
    public async Task A_failing_notifier_is_retried_with_backoff_on_the_clock_and_delivers_when_it_recovers()
    {
        var time = new ManualTimeProvider();
        var flaky = new FlakyNotifier(failures: 2);
        var dispatcher = new NotificationDispatcher(_log, time);
        dispatcher.Apply([new("flaky", flaky, "f")]);

        dispatcher.Enqueue(Note.Info("hello"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromSeconds(2), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("hello", (await flaky.NextAsync()).Title);
        Assert.Equal(3, flaky.Calls);
        Assert.False(dispatcher.Health.Single().Degraded);
    }

    [Fact]
    public async Task A_notifier_that_keeps_failing_is_marked_degraded_with_a_redacted_error_and_recovers_on_success()
    {
        var secret = "https://discord.example/api/webhooks/1/t0k3n-s3cr3t";
        var flaky = new FlakyNotifier(failures: 100, error: $"could not post to {secret}");
        var sink = new ListSink();
        var log = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        var dispatcher = new NotificationDispatcher(log, TimeProvider.System, new SecretRedactor([secret]), policy: new DeliveryPolicy { Backoff = [TimeSpan.Zero, TimeSpan.Zero], DegradedAfter = 3 });
        dispatcher.Apply([new("discord", flaky, "d")]);

        dispatcher.Enqueue(Note.Info("first"));
        flaky.Failures = 3;
        dispatcher.Enqueue(Note.Info("second"));

        Assert.Equal("second", (await flaky.NextAsync()).Title);
        await dispatcher.FlushAsync(TimeSpan.FromSeconds(10));
        var health = dispatcher.Health.Single();
        Assert.False(health.Degraded);
        Assert.Equal(1, health.Failed);
        Assert.Equal(1, health.Delivered);
        Assert.Contains(sink.Lines, l => l.Contains("is degraded after 3 failed attempts", StringComparison.Ordinal));
        Assert.Contains(sink.Lines, l => l.Contains("recovered", StringComparison.Ordinal));
        Assert.All(sink.Lines, l => Assert.DoesNotContain("t0k3n-s3cr3t", l, StringComparison.Ordinal));
        Assert.Contains("could not post to ***", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsent_notifications_stay_in_the_outbox_and_are_sent_on_the_next_start()
    {
        var path = _temp.File("state.db");
        using (var store = StateStore.Open(path))
        {
            var down = new NotificationDispatcher(_log, TimeProvider.System, null, store, new NotificationOutbox(path), new DeliveryPolicy { Backoff = [] });
            down.Apply([new("discord", new FlakyNotifier(failures: 100), "d")]);
            down.Enqueue(Note.Info("while down"));
            await down.DisposeAsync();
        }

        Assert.Equal(1, Count(path));
        Assert.Equal(1, Scalar(path, "SELECT attempts FROM notification_outbox"));

        var up = new FlakyNotifier();
        using (var store = StateStore.Open(path))
        {
            var restarted = new NotificationDispatcher(_log, TimeProvider.System, null, store, new NotificationOutbox(path));
            restarted.Apply([new("discord", up, "d")]);
            Assert.Equal("while down", (await up.NextAsync()).Title);
            await restarted.DisposeAsync();
        }

        Assert.Equal(0, Count(path));
    }

    [Fact]
    public async Task Applying_a_new_set_keeps_unchanged_notifiers_adds_new_ones_and_stops_removed_ones()
    {
        var kept = new FlakyNotifier();
        var removed = new FlakyNotifier();
        var added = new FlakyNotifier();
        var dispatcher = new NotificationDispatcher(_log, TimeProvider.System);
        dispatcher.Apply([new("console", kept, "same"), new("webhook", removed, "w")]);

        dispatcher.Apply([new("console", new FlakyNotifier(), "same"), new("discord", added, "d")]);
        dispatcher.Enqueue(Note.Info("after swap"));

        Assert.Equal("after swap", (await kept.NextAsync()).Title);
        Assert.Equal("after swap", (await added.NextAsync()).Title);
        await dispatcher.FlushAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, removed.Calls);
        Assert.Equal(["console", "discord"], dispatcher.Keys);
    }

    [Fact]
    public async Task A_replaced_notifier_is_disposed_and_let_go_of_by_the_time_the_drain_completes()
    {
        var dispatcher = new NotificationDispatcher(_log, TimeProvider.System);
        var (retiring, disposed) = StartRetiring(dispatcher);
        dispatcher.Enqueue(Note.Info("before swap"));

        var (wasDisposed, collected) = await SwapAndCheckAsync(dispatcher, retiring, disposed);

        Assert.True(collected, "the replaced notifier is still referenced after the drain");
        Assert.True(wasDisposed, "the replaced notifier was not disposed (DisposeAsync)");
        await dispatcher.FlushAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Replaces the notifier and, as the plugin host does, checks on whatever thread resumes (ConfigureAwait(false))
    /// that it is gone: that thread must not still hold it (the worker's own thread, resuming inline from the end of
    /// its loop, did).
    /// </summary>
    private static async Task<(bool Disposed, bool Collected)> SwapAndCheckAsync(NotificationDispatcher dispatcher, WeakReference retiring, TaskCompletionSource disposed)
    {
        await dispatcher.ApplyAndDrainAsync([new("console", new FlakyNotifier(), "new build")]).ConfigureAwait(false);
        return (disposed.Task.IsCompletedSuccessfully, Ict.Engine.Plugins.UnloadVerifier.IsCollected(retiring));
    }

    /// <summary>Runs a notifier in the dispatcher; only a weak reference to it leaves this frame.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (WeakReference Notifier, TaskCompletionSource Disposed) StartRetiring(NotificationDispatcher dispatcher)
    {
        var notifier = new AsyncDisposableNotifier();
        dispatcher.Apply([new("console", notifier, "old build")]);
        return (new WeakReference(notifier), notifier.Disposed);
    }

    [Fact]
    public async Task A_notifier_limited_to_some_kinds_is_sent_only_those()
    {
        var trades = new FlakyNotifier();
        var all = new FlakyNotifier();
        var dispatcher = new NotificationDispatcher(_log, TimeProvider.System);
        dispatcher.Apply([new("discord", trades, "d", new HashSet<Ict.Abstractions.NotificationKind> { Ict.Abstractions.NotificationKind.Error }), new("console", all, "c")]);

        dispatcher.Enqueue(Note.Info("info"));
        dispatcher.Enqueue(Note.Info("error") with { Kind = Ict.Abstractions.NotificationKind.Error });
        await dispatcher.FlushAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("error", (await trades.NextAsync()).Title);
        Assert.Equal(1, trades.Calls);
        Assert.Equal(2, all.Calls);
    }

    private static int Count(string path) => Scalar(path, "SELECT COUNT(*) FROM notification_outbox");

    private static int Scalar(string path, string sql)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        return db.ExecuteScalar<int>(sql);
    }
}

/// <summary>Keeps every rendered log line.</summary>
internal sealed class ListSink : Serilog.Core.ILogEventSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Emit(Serilog.Events.LogEvent logEvent)
    {
        lock (_lines)
        {
            _lines.Add(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
