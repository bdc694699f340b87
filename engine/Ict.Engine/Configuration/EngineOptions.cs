using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary>The whole of <c>engine.json</c>. Every section has defaults; unknown keys are errors.</summary>
public sealed record EngineOptions : IValidatableObject
{
    public TradingMode Mode { get; init; } = TradingMode.Paper;

    public AccountOptions Account { get; init; } = new();

    public MarketDataOptions MarketData { get; init; } = new();

    public IReadOnlyList<InstrumentOptions> Instruments { get; init; } = [];

    public PaperOptions Paper { get; init; } = new();

    public StateOptions State { get; init; } = new();

    public PluginsOptions Plugins { get; init; } = new();

    public ScriptsOptions Scripts { get; init; } = new();

    public IReadOnlyList<PluginSlotOptions> Strategies { get; init; } = [];

    public PluginSlotOptions? Risk { get; init; }

    public IReadOnlyList<PluginSlotOptions> Notifiers { get; init; } = [];

    public LoggingOptions Logging { get; init; } = new();

    public KillSwitchOptions KillSwitch { get; init; } = new();

    public StatusOptions Status { get; init; } = new();

    /// <summary>Where testnet and live modes trade (ignored in paper mode).</summary>
    public ExchangeOptions Exchange { get; init; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == TradingMode.Live && Exchange.Venue == ExchangeVenue.Fake)
        {
            yield return new ValidationResult("mode 'live' cannot trade the fake exchange; use 'testnet' for the demo", [nameof(Mode)]);
        }

        if (Strategies.Count == 0 && !Scripts.Enabled)
        {
            yield return new ValidationResult("configure at least one strategy (or enable $.scripts)", [nameof(Strategies)]);
        }

        if (Risk is null)
        {
            yield return new ValidationResult("configure a risk manager: nothing is traded without one", [nameof(Risk)]);
        }

        var known = Instruments.Select(i => i.Symbol).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < MarketData.Replay.Files.Count; i++)
        {
            var symbol = MarketData.Replay.Files[i].Symbol;
            if (!known.Contains(symbol))
            {
                yield return new ValidationResult(
                    $"no trading rules for {symbol}: add it to $.instruments",
                    [$"{nameof(MarketData)}.{nameof(MarketDataOptions.Replay)}.{nameof(ReplayOptions.Files)}[{i}].{nameof(ReplayFileOptions.Symbol)}"]);
            }
        }

        var duplicate = Instruments.GroupBy(i => i.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            yield return new ValidationResult($"{duplicate.Key} is listed twice", [nameof(Instruments)]);
        }
    }
}

/// <summary>Which account the engine trades.</summary>
public enum TradingMode
{
    /// <summary>A simulated account; no keys, no network.</summary>
    Paper = 1,

    /// <summary>Binance's demo environment.</summary>
    Testnet = 2,

    /// <summary>The live exchange.</summary>
    Live = 3,
}
