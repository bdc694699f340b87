using Ict.Abstractions;
using Ict.Engine;
using Ict.Engine.Backtesting;
using Ict.Engine.Configuration;
using Ict.Indicators.Patterns;

namespace Ict.Bench;

/// <summary>The measured workloads, shared by --quick and the BenchmarkDotNet suite.</summary>
internal static class Workloads
{
    /// <summary>
    /// The detection and entry test of ict.ob-fvg over the array with no engine: what the strategy computes, minus
    /// everything the engine adds (plugin call, risk, venue, bookkeeping, store).
    /// </summary>
    public static int BareLoop(Candle[] candles)
    {
        var detector = new ObFvgDetector(candles[0].Symbol, candles[0].Interval, new ObFvgOptions());
        var entries = 0;
        var changes = new List<Pattern>();
        foreach (var candle in candles)
        {
            changes.Clear(); // the strategy's reused list of changes
            detector.Update(candle, changes);
            // The strategy's entry test: a bullish block containing the close, else a bearish one.
            if ((detector.FindActive(PatternKind.OrderBlock, Direction.Bullish, candle.Close)
                ?? detector.FindActive(PatternKind.OrderBlock, Direction.Bearish, candle.Close)) is not null)
            {
                entries++;
            }
        }

        return entries;
    }

    /// <summary>
    /// The whole pipeline on the shipped engine.json: ict.ob-fvg loaded as a plugin from artifacts/plugins, the
    /// fixed-fractional risk plugin, the paper venue, and the SQLite store (deferred writes) in a temp folder.
    /// </summary>
    public static BacktestMetrics Pipeline(Candle[] candles, string stateFolder) => Pipeline(candles, stateFolder, out _);

    /// <summary>
    /// The same pipeline with scripts/ob_fvg_confluence.csx (compiled by the script host, with its #load file) as the
    /// only strategy instead of the ict.ob-fvg plugin.
    /// </summary>
    public static BacktestMetrics ScriptPipeline(Candle[] candles, string stateFolder, out BacktestTimings timings)
    {
        var scripts = Path.Combine(stateFolder, "scripts");
        Directory.CreateDirectory(Path.Combine(scripts, "lib"));
        File.Copy(Path.Combine(BenchData.RepoRoot, "scripts", "ob_fvg_confluence.csx"), Path.Combine(scripts, "ob_fvg_confluence.csx"), overwrite: true);
        File.Copy(Path.Combine(BenchData.RepoRoot, "scripts", "lib", "levels.csx"), Path.Combine(scripts, "lib", "levels.csx"), overwrite: true);
        return Pipeline(candles, stateFolder, out timings, config =>
        {
            config["strategies"] = new System.Text.Json.Nodes.JsonArray();
            config["scripts"] = new System.Text.Json.Nodes.JsonObject { ["enabled"] = true, ["watch"] = false, ["directory"] = scripts };
        });
    }

    public static BacktestMetrics Pipeline(Candle[] candles, string stateFolder, out BacktestTimings timings, Action<System.Text.Json.Nodes.JsonObject>? edit = null)
    {
        var config = EngineConfig.Load(WriteConfig(stateFolder, edit));
        var log = Serilog.Core.Logger.None;
        var host = EngineHost.Create(config, log, new EngineRunOptions { Backtest = true, ExpectedCandles = candles.Length });
        try
        {
            var metrics = host.RunBacktest(candles);
            timings = host.LastTimings!;
            return metrics;
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The shipped engine.json with its paths pointed at the repository and a fresh database in the folder.</summary>
    public static string WriteConfig(string stateFolder, Action<System.Text.Json.Nodes.JsonObject>? edit)
    {
        var configPath = Path.Combine(stateFolder, "engine.json");
        var text = File.ReadAllText(Path.Combine(BenchData.RepoRoot, "engine.json"))
            .Replace("\"artifacts/plugins\"", System.Text.Json.JsonSerializer.Serialize(Path.Combine(BenchData.RepoRoot, "artifacts", "plugins")), StringComparison.Ordinal)
            .Replace("\"data/BTCUSDT-15m.csv\"", System.Text.Json.JsonSerializer.Serialize(Path.Combine(BenchData.RepoRoot, "data", "BTCUSDT-15m.csv")), StringComparison.Ordinal)
            .Replace("\"state/ict.db\"", System.Text.Json.JsonSerializer.Serialize(Path.Combine(stateFolder, $"bench-{Guid.NewGuid():N}.db")), StringComparison.Ordinal)
            .Replace("\"directory\": \"logs\"", "\"directory\": " + System.Text.Json.JsonSerializer.Serialize(Path.Combine(stateFolder, "logs")), StringComparison.Ordinal);
        if (edit is not null)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
            edit(node);
            text = node.ToJsonString();
        }

        File.WriteAllText(configPath, text);
        return configPath;
    }
}
