using System.Collections.Concurrent;

namespace Ict.Engine.Kernel;

/// <summary>
/// Runs strategy calls within a time budget, on a dedicated runner thread (not the thread pool, so a hung plugin or a
/// busy pool can never make a healthy strategy look slow). Over budget, the kernel stops waiting and the strategy is
/// marked faulted: a .NET thread cannot be killed, so the runner is abandoned with its call and a fresh runner takes
/// the next one. The abandoned call keeps its plugin from unloading, which the unload check then reports. With no
/// budget the call runs inline on the kernel thread.
/// </summary>
internal sealed class StrategyCallGuard(TimeSpan budget, TimeProvider time)
{
    private Runner? _runner;

    public static StrategyCallGuard Inline { get; } = new(TimeSpan.Zero, TimeProvider.System);

    public TimeSpan Budget { get; } = budget;

    private CancellationTokenSource _cancellation = new();

    /// <summary>
    /// The token for the next guarded call: cancelled if that call overruns the budget. One source is reused while
    /// calls finish in time, so a call costs no allocation for it.
    /// </summary>
    public CancellationToken NextCallToken()
    {
        if (!_cancellation.TryReset())
        {
            _cancellation.Dispose();
            _cancellation = new CancellationTokenSource();
        }

        return _cancellation.Token;
    }

    /// <summary>Null when the call returned in time; otherwise why the strategy is faulted.</summary>
    public string? Invoke(Action call)
    {
        if (Budget <= TimeSpan.Zero)
        {
            try
            {
                call();
                return null;
            }
            catch (Exception ex)
            {
                return Describe(ex);
            }
        }

        var runner = _runner ??= new Runner();
        var work = new Work(call);
        runner.Post(work);
        using (time.CreateTimer(_ => work.Wake(), null, Budget, Timeout.InfiniteTimeSpan))
        {
            work.WaitForWake();
        }

        if (!work.Completed)
        {
            _cancellation.Cancel(); // ask the call to return; it is abandoned either way
            _runner = null;
            runner.Abandon();
            return $"overran its time budget of {Budget.TotalMilliseconds:0} ms for one call; the call was abandoned";
        }

        return work.Error is null ? null : Describe(work.Error);
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";

    /// <summary>One call handed to the runner; woken by its completion or by the budget timer, whichever is first.</summary>
    private sealed class Work(Action call)
    {
        private readonly ManualResetEventSlim _woken = new();
        private volatile bool _completed;
        private Action? _call = call; // dropped once run: the runner must not keep a removed plugin's code alive

        public bool Completed => _completed;

        public Exception? Error { get; private set; }

        public void Run()
        {
            try
            {
                _call!();
            }
            catch (Exception ex)
            {
                Error = ex;
            }

            _call = null;
            _completed = true;
            Wake();
        }

        public void Wake() => _woken.Set();

        // Not disposed: an abandoned call may still set it, long after the kernel has moved on.
        public void WaitForWake() => _woken.Wait();
    }

    /// <summary>A background thread that runs calls one at a time.</summary>
    private sealed class Runner
    {
        private readonly BlockingCollection<Work> _queue = new(new ConcurrentQueue<Work>());

        public Runner()
        {
            new Thread(Loop) { IsBackground = true, Name = "ict-strategy-runner" }.Start();
        }

        public void Post(Work work) => _queue.Add(work);

        /// <summary>The runner's thread ends if its hung call ever returns.</summary>
        public void Abandon() => _queue.CompleteAdding();

        private void Loop()
        {
            foreach (var work in _queue.GetConsumingEnumerable())
            {
                work.Run();
            }
        }
    }
}
