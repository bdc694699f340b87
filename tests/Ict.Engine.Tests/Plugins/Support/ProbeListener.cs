using System.Collections.Concurrent;

namespace Ict.Engine.Tests.Plugins.Support;

/// <summary>
/// Receives what fixture plugins report (see tests/fixtures/Shared/Probe.cs) and lets a test wait for a message
/// with a timeout instead of sleeping.
/// </summary>
internal sealed class ProbeListener : IDisposable
{
    private const string Key = "ict.fixture.probe";
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public ProbeListener() => AppContext.SetData(Key, new Action<string>(Receive));

    public IReadOnlyList<string> Messages => [.. _messages];

    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            if (_messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            var left = limit - TimeProvider.System.GetElapsedTime(start);
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left).ConfigureAwait(false))
            {
                if (_messages.FirstOrDefault(match) is { } late)
                {
                    return late;
                }

                throw new TimeoutException("no matching probe message; got: " + string.Join(" | ", _messages));
            }
        }
    }

    public void Dispose()
    {
        AppContext.SetData(Key, null);
        _arrived.Dispose();
    }

    private void Receive(string message)
    {
        _messages.Enqueue(message);
        _arrived.Release();
    }
}
