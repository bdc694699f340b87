using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ict.Bench;

/// <summary>
/// What the reload benchmarks share: the probe a plugin or script calls through <see cref="AppContext"/> data with a
/// message per candle (each stamped with <see cref="Stopwatch.GetTimestamp"/> on arrival), waiting for those
/// messages, and turning timestamps into figures.
/// </summary>
internal static class Probes
{
    /// <summary>Installs a probe under <paramref name="key"/>; the messages it receives land in the returned collection.</summary>
    public static BlockingCollection<(string Message, long At)> Listen(string key)
    {
        var probe = new BlockingCollection<(string Message, long At)>();
        AppContext.SetData(key, new Action<string>(m => probe.Add((m, Stopwatch.GetTimestamp()))));
        return probe;
    }

    /// <summary>The arrival time of the <paramref name="nth"/> message with the prefix received after <paramref name="since"/>.</summary>
    public static long WaitFor(BlockingCollection<(string Message, long At)> probe, string prefix, long since, int nth = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var seen = 0;
        while (true)
        {
            var (message, at) = probe.Take(timeout.Token);
            if (at > since && message.StartsWith(prefix, StringComparison.Ordinal) && ++seen == nth)
            {
                return at;
            }
        }
    }

    /// <summary>Waits for a background task that ends by cancellation.</summary>
    public static void Ignore(Task task)
    {
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
