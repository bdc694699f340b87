using System.Diagnostics.Tracing;

namespace Ict.Bench;

/// <summary>
/// <c>--allocations</c>: which types one pipeline run allocates, from the runtime's allocation-tick events (one event
/// per ~100 KB allocated, naming the type that crossed the mark): a sample, good for ranking, not exact bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = [];
    private bool _on;

    public static int Run(int candleCount)
    {
        var candles = BenchData.Candles(candleCount);
        var folder = Path.Combine(Path.GetTempPath(), "ict-alloc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Workloads.Pipeline(candles[..50_000], folder);
            using var sampler = new AllocationSampler();
            lock (sampler._bytesByType)
            {
                sampler._on = true;
            }

            Workloads.Pipeline(candles, folder);
            lock (sampler._bytesByType)
            {
                sampler._on = false;
                var total = sampler._bytesByType.Values.Sum();
                Console.WriteLine($"sampled {total / (double)candles.Length:0.0} bytes/candle over {candles.Length} candles (all threads)");
                foreach (var (type, bytes) in sampler._bytesByType.OrderByDescending(p => p.Value).Take(40))
                {
                    Console.WriteLine($"{bytes / (double)candles.Length,8:0.0} bytes/candle  {type}");
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames!.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytesByType)
        {
            if (_on)
            {
                _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
