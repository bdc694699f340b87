using System.Text.Json;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Plugins;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins.Support;

/// <summary>
/// A real engine (EngineHost: config, plugins, SQLite, kernel, watcher) on a temp folder, fed one candle at a time by
/// the test instead of a replay running to the end, so plugins can be dropped, replaced and removed while it runs.
/// </summary>
internal sealed class RunningEngine : IAsyncDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly string[] Symbols = ["BTCUSDT"];
    private readonly TempDirectory _temp;
    private readonly CancellationTokenSource _stop = new();
    private readonly EngineHost _host;
    private readonly Task<RunSummary> _run;
    private int _fed;

    private RunningEngine(TempDirectory temp, EngineHost host, LogCollector log)
    {
        _temp = temp;
        _host = host;
        Log = log;
        _run = host.RunAsync(replay: false, _stop.Token);
    }

    public LogCollector Log { get; }

    public string PluginDirectory => Path.Combine(_temp.Path, "plugins");

    public PluginCatalog Catalog => _host.Catalog;

    /// <summary>What <c>ict plugins list</c> in another terminal would show for this engine.</summary>
    public IReadOnlyList<PluginDescriptor>? LiveStatus => PluginStatusFile.ReadLive(PluginStatusFile.PathFor(_host.DatabasePath));

    public static string PluginDirectoryOf(TempDirectory temp) => Path.Combine(temp.Path, "plugins");

    /// <summary>Starts an engine over <c>temp/plugins</c> plus the bundled plugins, running <paramref name="strategies"/>.</summary>
    public static RunningEngine Start(TempDirectory temp, string[] strategies, int budgetMs = 2000, bool watch = true,
        string risk = "ict.fixed-fractional", string[]? notifiers = null)
    {
        Directory.CreateDirectory(PluginDirectoryOf(temp));
        temp.Write("candles.csv", "open_time_ms,open,high,low,close,volume\n1704067200000,42000,42010,41990,42005,1\n");
        var config = new
        {
            mode = "paper",
            marketData = new { replay = new { files = new[] { new { symbol = "BTCUSDT", interval = "15m", path = "candles.csv" } } } },
            instruments = new[] { new { symbol = "BTCUSDT", tickSize = 0.1, stepSize = 0.001, minQuantity = 0.001, minNotional = 5, maxLeverage = 20 } },
            state = new { database = "state/ict.db" },
            plugins = new { directories = new[] { RepoPaths.Plugins, "plugins" }, watch, reloadDebounceMilliseconds = 50, strategyCallBudgetMilliseconds = budgetMs },
            strategies = strategies.Select(id => new { plugin = id, symbols = Symbols }).ToArray(),
            risk = new { plugin = risk },
            notifiers = (notifiers ?? []).Select(id => new { plugin = id }).ToArray(),
        };
        var path = temp.Write("engine.json", JsonSerializer.Serialize(config));
        var log = new LogCollector();
        var host = EngineHost.Create(EngineConfig.Load(path), log.Logger);
        return new RunningEngine(temp, host, log);
    }

    /// <summary>Sends the next 15m candle into the kernel.</summary>
    public async Task FeedAsync()
    {
        var open = DateTimeOffset.FromUnixTimeMilliseconds(1704067200000) + TimeSpan.FromMinutes(15 * _fed++);
        var price = 42000m + _fed;
        await _host.Input.WriteAsync(new CandleInput(new Candle(Btc, Interval.Parse("15m"), open, price, price + 5, price - 5, price + 1, 1m)));
    }

    public Task ApplyChangeAsync(string folder) => _host.ApplyPluginChangeAsync(folder, CancellationToken.None);

    public PluginDescriptor Plugin(string id) => Catalog.Plugins.Where(p => p.Id == id).OrderBy(p => p.State).First();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        await _host.DisposeAsync();
        Log.Dispose();
        _stop.Dispose();
    }
}
