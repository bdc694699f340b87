using BenchmarkDotNet.Running;
using Ict.Bench;

// dotnet run -c Release --project tools/Ict.Bench -- --quick [--candles N]   one JSON object per line, under two minutes
// dotnet run -c Release --project tools/Ict.Bench -- --breakdown [--candles N]  where the pipeline's time goes (text)
// dotnet run -c Release --project tools/Ict.Bench -- --allocations      which types one pipeline run allocates (sampled)
// dotnet run -c Release --project tools/Ict.Bench -- --csv              only the candle CSV parse rate
// dotnet run -c Release --project tools/Ict.Bench -- --binance            only the candle-to-order latency against FakeBinance
// dotnet run -c Release --project tools/Ict.Bench                           the BenchmarkDotNet suite
if (args.Contains("--binance"))
{
    foreach (var (name, value, unit) in BinanceLatency.Measure())
    {
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { name, value = Math.Round(value, 3), unit }));
    }

    return 0;
}

if (args.Contains("--quick"))
{
    var index = Array.IndexOf(args, "--candles");
    var count = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : 1_200_000;
    return Quick.Run(count);
}

if (args.Contains("--csv"))
{
    var folder = Directory.CreateTempSubdirectory("ict-csv-").FullName;
    Console.WriteLine($"csv_parse_candles_per_sec {CsvParse.CandlesPerSecond(BenchData.Candles(1_200_000), folder):0}");
    Directory.Delete(folder, recursive: true);
    return 0;
}

if (args.Contains("--allocations"))
{
    return AllocationSampler.Run(1_200_000);
}

if (args.Contains("--breakdown"))
{
    var index = Array.IndexOf(args, "--candles");
    var count = index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : 1_200_000;
    return Breakdown.Run(count, runs: 4);
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
return 0;
