using Ict.Engine.Configuration;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Configuration;

public sealed class EngineConfigTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_ShippedEngineJson_IsValidPaperConfig()
    {
        var config = EngineConfig.Load(Path.Combine(RepoPaths.Root, "engine.json"));

        Assert.Equal(TradingMode.Paper, config.Options.Mode);
        Assert.Equal("ict.ob-fvg", Assert.Single(config.Options.Strategies).Plugin);
        Assert.Equal("ict.fixed-fractional", config.Options.Risk!.Plugin);
        Assert.True(File.Exists(config.ResolvePath(config.Options.MarketData.Replay.Files[0].Path)));
    }

    [Fact]
    public void Load_UnknownKey_NamesItsPathAndLine()
    {
        var path = _temp.Write("engine.json", Minimal.Replace("\"paper\": {", "\"paper\": {\n    \"slipage\": 2,", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains("$.paper.slipage", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'slipage'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"engine.json:{LineOf(File.ReadAllText(path), "slipage")}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StringWhereANumberBelongs_NamesItsPathAndLine()
    {
        var path = _temp.Write("engine.json", Minimal.Replace("\"startingBalance\": 10000", "\"startingBalance\": \"lots\"", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains("$.account.startingBalance", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a number", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"engine.json:{LineOf(File.ReadAllText(path), "startingBalance")}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutOfRangeValue_NamesItsPathLineAndValue()
    {
        var path = _temp.Write("engine.json", Minimal.Replace("\"slippageBps\": 1", "\"slippageBps\": -5", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains($"engine.json:{LineOf(File.ReadAllText(path), "slippageBps")}: $.paper.slippageBps: must be between 0 and 1000 (got -5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReplayOfASymbolWithoutRules_PointsAtTheFileEntry()
    {
        var path = _temp.Write("engine.json", Minimal.Replace("\"symbol\": \"BTCUSDT\", \"interval\"", "\"symbol\": \"ETHUSDT\", \"interval\"", StringComparison.Ordinal));

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains("$.marketData.replay.files[0].symbol: no trading rules for ETHUSDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LiveModeOnTheFakeExchange_IsRefused()
    {
        var text = Minimal.Replace("\"mode\": \"paper\"", "\"mode\": \"live\", \"exchange\": { \"venue\": \"fake\" }", StringComparison.Ordinal);
        var path = _temp.Write("engine.json", text);

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains("$.mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TestnetModeWithExchangeSection_BindsTheBinanceOptions()
    {
        var text = Minimal.Replace("\"mode\": \"paper\"",
            "\"mode\": \"testnet\", \"exchange\": { \"restBaseUrl\": \"http://127.0.0.1:5005\", \"recvWindowMs\": 3000, \"listenKeyKeepAlive\": \"00:40:00\" }",
            StringComparison.Ordinal);
        var path = _temp.Write("engine.json", text);

        var options = EngineConfig.Load(path).Options;

        Assert.Equal(TradingMode.Testnet, options.Mode);
        var binance = options.Exchange.ToBinance(Ict.Exchange.Binance.Config.BinanceMode.Testnet);
        Assert.Equal(new Uri("http://127.0.0.1:5005"), binance.EffectiveRestBaseUrl);
        Assert.Equal(3000, binance.RecvWindowMs);
        Assert.Equal(TimeSpan.FromMinutes(40), binance.ListenKeyKeepAlive);
    }

    [Fact]
    public void Load_ExchangeKeepAliveOverAnHour_NamesTheKey()
    {
        var text = Minimal.Replace("\"mode\": \"paper\"", "\"mode\": \"testnet\", \"exchange\": { \"listenKeyKeepAlive\": \"01:30:00\" }", StringComparison.Ordinal);
        var path = _temp.Write("engine.json", text);

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains("$.exchange.listenKeyKeepAlive", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void Load_UnknownOrderRecheckOutOfRange_NamesTheKey(string value)
    {
        var text = Minimal.Replace("\"mode\": \"paper\"", $"\"mode\": \"testnet\", \"exchange\": {{ \"unknownOrderRecheck\": \"{value}\" }}", StringComparison.Ordinal);
        var path = _temp.Write("engine.json", text);

        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(path));

        Assert.Contains("$.exchange.unknownOrderRecheck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<ConfigException>(() => EngineConfig.Load(_temp.File("nope.json")));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentVariables_AreSubstitutedAndRememberedAsSecrets()
    {
        var text = Minimal.Replace("\"database\": \"state.db\"", "\"database\": \"${ICT_TEST_DB}\"", StringComparison.Ordinal)
            .Replace("\"directory\": \"logs\"", "\"directory\": \"${ICT_TEST_UNSET:-fallback-logs}\"", StringComparison.Ordinal);
        var path = _temp.Write("engine.json", text);
        var env = new Dictionary<string, string?> { ["ICT_TEST_DB"] = "a \"quoted\" path.db" };

        var config = EngineConfig.Load(path, name => env.GetValueOrDefault(name));

        Assert.Equal("a \"quoted\" path.db", config.Options.State.Database);
        Assert.Equal("fallback-logs", config.Options.Logging.Directory);
        Assert.Contains("a \"quoted\" path.db", config.Secrets);
    }

    [Fact]
    public void BindPluginSettings_NegativeValue_NamesTheSettingsPath()
    {
        var text = Minimal.Replace("\"risk\": { \"plugin\": \"r\" }", "\"risk\": { \"plugin\": \"r\", \"settings\": { \"riskPerTradePercent\": -1 } }", StringComparison.Ordinal);
        var path = _temp.Write("engine.json", text);
        var config = EngineConfig.Load(path);

        var error = Assert.Throws<ConfigException>(() => config.BindPluginSettings(typeof(SampleSettings), config.Options.Risk!.Settings, "$.risk.settings"));

        Assert.Contains($"engine.json:{LineOf(text, "riskPerTradePercent")}: $.risk.settings.riskPerTradePercent: must be between 0.01 and 100 (got -1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindPluginSettings_UnknownKey_NamesTheSettingsPath()
    {
        var text = Minimal.Replace("\"risk\": { \"plugin\": \"r\" }", "\"risk\": { \"plugin\": \"r\", \"settings\": { \"riskPerTrade\": 1 } }", StringComparison.Ordinal);
        var config = EngineConfig.Load(_temp.Write("engine.json", text));

        var error = Assert.Throws<ConfigException>(() => config.BindPluginSettings(typeof(SampleSettings), config.Options.Risk!.Settings, "$.risk.settings"));

        Assert.Contains("$.risk.settings.riskPerTrade: unknown key 'riskPerTrade'", error.Message, StringComparison.Ordinal);
    }

    private static int LineOf(string text, string needle) =>
        text[..text.IndexOf(needle, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    public sealed record SampleSettings
    {
        [System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0.01", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
        public decimal RiskPerTradePercent { get; init; } = 1m;
    }

    private const string Minimal = """
        {
          "mode": "paper",
          "account": {
            "startingBalance": 10000
          },
          "marketData": {
            "replay": {
              "files": [ { "symbol": "BTCUSDT", "interval": "15m", "path": "candles.csv" } ]
            }
          },
          "instruments": [ { "symbol": "BTCUSDT" } ],
          "paper": {
            "slippageBps": 1
          },
          "state": { "database": "state.db" },
          "strategies": [ { "plugin": "s" } ],
          "risk": { "plugin": "r" },
          "logging": { "directory": "logs" }
        }
        """;
}
