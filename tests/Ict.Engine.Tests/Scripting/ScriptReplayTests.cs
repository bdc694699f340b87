using System.Text.Json;
using Ict.Engine.Configuration;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Scripting;

/// <summary>The example scripts trade the sample data through the real engine: kernel, risk manager, paper venue.</summary>
[Collection(PluginTestCollection.Name)]
public sealed class ScriptReplayTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_example_scripts_trade_a_full_replay_of_the_sample_data()
    {
        var config = new
        {
            mode = "paper",
            marketData = new { replay = new { files = new[] { new { symbol = "BTCUSDT", interval = "15m", path = Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv") } } } },
            instruments = new[] { new { symbol = "BTCUSDT", tickSize = 0.1, stepSize = 0.001, minQuantity = 0.001, minNotional = 5, maxLeverage = 20 } },
            state = new { database = "state/ict.db" },
            plugins = new { directories = new[] { RepoPaths.Plugins }, watch = false },
            scripts = new { directory = Path.Combine(RepoPaths.Root, "scripts"), enabled = true, watch = false },
            risk = new { plugin = "ict.fixed-fractional" },
        };
        var log = new LogCollector();
        await using var host = EngineHost.Create(EngineConfig.Load(_temp.Write("engine.json", JsonSerializer.Serialize(config))), log.Logger);

        var summary = await host.RunAsync(CancellationToken.None);

        Assert.Equal(("end of data", 0L, 6000L), (summary.StopReason, summary.Errors, summary.Candles));
        Assert.True(summary.Trades >= 20, $"{summary.Trades} trades");
        log.Dispose();
    }
}
