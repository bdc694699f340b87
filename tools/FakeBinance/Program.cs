using FakeBinance;

// dotnet run --project tools/FakeBinance -- --port N [--api-key K --api-secret S] [--data CSV] [--interval 1m] [--symbol BTCUSDT] [--replay-ms 1000]
var options = new FakeBinanceOptions();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    var value = args[i + 1];
    options = args[i] switch
    {
        "--port" => options with { Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        "--api-key" => options with { ApiKey = value },
        "--api-secret" => options with { ApiSecret = value },
        "--data" => options with { DataCsv = value },
        "--interval" => options with { DataInterval = value },
        "--symbol" => options with { DataSymbol = value },
        "--replay-ms" => options with { ReplayStep = TimeSpan.FromMilliseconds(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"Unknown option {args[i]}. Use --port, --api-key, --api-secret, --data, --interval, --symbol, --replay-ms."),
    };
}

await using var server = new FakeBinanceServer(options);
var port = await server.StartAsync();
Console.WriteLine($"FakeBinance listening on http://127.0.0.1:{port} (ws://127.0.0.1:{port}/market, /private); api key '{options.ApiKey}'. Ctrl+C stops.");
using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    stop.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    if (options.ReplayStep is { } step)
    {
        await new FakeReplay(server).RunAsync(step, stop.Token);
    }

    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
