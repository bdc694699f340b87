using Ict.Abstractions;
using Ict.Engine.Status;

namespace Ict.Engine.Tests.Status;

/// <summary>Hand-made snapshots with known figures, for the status file and metrics tests.</summary>
internal static class StatusSamples
{
    public static readonly DateTimeOffset Started = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static EngineSnapshot Snapshot(DateTimeOffset takenAt, IReadOnlyDictionary<string, long>? rejections = null, long candles = 1234) => new(
        takenAt,
        Started,
        "paper",
        "paper",
        7,
        "/srv/ict/state/ict.db",
        new TradingSnapshot(
            takenAt,
            "USDT",
            10_050.5m,
            10_062.25m,
            -3.5m,
            2,
            5,
            false,
            null,
            true,
            [new PositionView(new Symbol("BTCUSDT"), PositionSide.Long, 0.02m, 42_000m, 41_500m, 43_000m, 1, Started, 42_587.5m, 11.75m, "ict.ob-fvg")],
            [],
            [],
            [],
            new RunCounters(candles, 40, 12, 3, 20, 15, 5, 1, 9, 2, 1, rejections ?? new Dictionary<string, long> { ["Cooldown"] = 2, ["MaxDailyTrades"] = 1 }),
            new ActivityRow(takenAt, "ict.ob-fvg", "BTCUSDT", "error", "boom"))
        {
            EventLag = TimeSpan.FromMilliseconds(250),
            MaxEventLag = TimeSpan.FromSeconds(2),
        },
        [new PluginStatusRow("ict.ob-fvg", "strategy", "1.0.0", "loaded", Started, null), new PluginStatusRow("broken", "strategy", "0.1.0", "faulted", Started, "threw")])
    {
        Reconnects = 4,
    };
}
