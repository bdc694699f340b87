using System.Threading.Channels;
using Ict.Abstractions;

namespace Ict.Engine.Tests.Notifications;

/// <summary>Fails the first <paramref name="failures"/> sends, then delivers; every delivery is readable on a channel.</summary>
internal sealed class FlakyNotifier(int failures = 0, string error = "boom") : INotifier
{
    private int _calls;

    public Channel<Notification> Delivered { get; } = Channel.CreateUnbounded<Notification>();

    public int Calls => Volatile.Read(ref _calls);

    public int Failures { get; set; } = failures;

    public Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= Failures)
        {
            throw new HttpRequestException(error);
        }

        Delivered.Writer.TryWrite(notification);
        return Task.CompletedTask;
    }

    public async Task<Notification> NextAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Delivered.Reader.ReadAsync(cts.Token);
    }
}

/// <summary>Never answers until cancelled: a dead webhook.</summary>
internal sealed class HangingNotifier : INotifier
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

/// <summary>Delivers nothing anywhere; says when it has been disposed asynchronously (as an HTTP notifier would be).</summary>
internal sealed class AsyncDisposableNotifier : INotifier, IAsyncDisposable
{
    public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SendAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}

internal static class Note
{
    public static Notification Info(string title) =>
        new(NotificationKind.Info, Severity.Info, title, "text", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
