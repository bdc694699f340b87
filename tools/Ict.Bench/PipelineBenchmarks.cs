using BenchmarkDotNet.Attributes;
using Ict.Abstractions;

namespace Ict.Bench;

/// <summary>The BenchmarkDotNet suite: the same workloads as --quick, with BenchmarkDotNet's statistics and memory diagnoser.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private Candle[] _candles = [];
    private string _folder = "";

    [Params(200_000)]
    public int Candles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _candles = BenchData.Candles(Candles);
        _folder = Path.Combine(Path.GetTempPath(), "ict-bdn-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int BareLoop() => Workloads.BareLoop(_candles);

    [Benchmark]
    public int Pipeline() => Workloads.Pipeline(_candles, _folder).Trades;
}
