using System.Threading.Channels;

namespace Ict.Exchange.Binance.Tests.Support;

internal static class ChannelExtensions
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The next item, or a failed test after the timeout.</summary>
    public static async Task<T> NextAsync<T>(this ChannelReader<T> reader)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await reader.ReadAsync(cts.Token);
    }

    /// <summary>Reads until an item matches, returning it (items before it are discarded).</summary>
    public static async Task<TMatch> NextOfAsync<T, TMatch>(this ChannelReader<T> reader, Func<TMatch, bool>? predicate = null)
        where TMatch : T
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var item = await reader.ReadAsync(cts.Token);
            if (item is TMatch m && (predicate is null || predicate(m)))
            {
                return m;
            }
        }
    }

    public static async Task WithTimeout(this Task task)
    {
        var done = await Task.WhenAny(task, Task.Delay(Timeout));
        Assert.True(done == task, "timed out waiting for a signal");
        await task;
    }

    public static async Task<T> WithTimeout<T>(this Task<T> task)
    {
        await ((Task)task).WithTimeout();
        return await task;
    }
}
