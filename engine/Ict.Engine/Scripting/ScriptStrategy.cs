using Ict.Abstractions;
using Ict.Engine.Kernel;

namespace Ict.Engine.Scripting;

/// <summary>
/// How the kernel sees one version of a script: it forwards each candle to the script's strategy. A version swapped in
/// while the engine runs (a reload, or a new file) is first handed the last <c>warmup</c> stored candles of each of its
/// series by the kernel (<see cref="IStoreWarmUp"/>, read from the store's <c>candles</c> table), and replays them into
/// the new strategy, muted (no signals, no pattern reports), on the kernel thread before its first live candle, so its
/// pattern state is rebuilt. A script whose strategy implements <see cref="IPluginState"/> gets the
/// <see cref="StatefulScriptStrategy"/> variant instead: its state is handed over explicitly and not replayed.
/// </summary>
internal class ScriptStrategy : IStrategy, IStoreWarmUp
{
    private readonly int _warmup;
    private IReadOnlyList<Candle>? _primed;

    public ScriptStrategy(LoadedScript script, int warmup)
    {
        Script = script;
        _warmup = warmup;
    }

    public LoadedScript Script { get; }

    /// <summary>Set when the new version received its predecessor's saved state: the warm-up replay is skipped.</summary>
    protected bool StateRestored { get; set; }

    /// <summary>The wrapper for one version: the stateful variant when the script's strategy keeps state across reloads.</summary>
    public static ScriptStrategy Create(LoadedScript script, int warmup) =>
        script.Strategy is IPluginState
            ? new StatefulScriptStrategy(script, warmup)
            : new ScriptStrategy(script, warmup);

    /// <summary>How many candles the warm-up replayed (for tests and the log).</summary>
    public int WarmedUpWith { get; private set; }

    /// <summary>None once a saved state was restored: it already covers those candles.</summary>
    public int WarmupCandles => StateRestored ? 0 : _warmup;

    public void Prime(IReadOnlyList<Candle> candles) => _primed = candles;

    public void OnCandle(Candle candle, IStrategyContext context)
    {
        if (_primed is { } primed)
        {
            _primed = null;
            if (!StateRestored)
            {
                WarmUp(primed, context);
            }
        }

        Script.Strategy.OnCandle(candle, context);
    }

    private void WarmUp(IReadOnlyList<Candle> candles, IStrategyContext context)
    {
        var muted = new MutedContext(context);
        foreach (var candle in candles)
        {
            muted.Now = candle.CloseTime;
            Script.Strategy.OnCandle(candle, muted);
            WarmedUpWith++;
        }
    }

    /// <summary>The context a warm-up runs in: the live log and positions, but signals and pattern reports go nowhere.</summary>
    private sealed class MutedContext(IStrategyContext live) : IStrategyContext
    {
        public DateTimeOffset Now { get; set; }

        public IPluginLogger Log => live.Log;

        public CancellationToken Cancellation => live.Cancellation;

        public PositionView? GetPosition(Symbol symbol) => live.GetPosition(symbol);

        public void ReportPattern(Pattern pattern)
        {
        }

        public void Signal(EntrySignal signal)
        {
        }
    }
}
