using Ict.Abstractions;

namespace Ict.Engine.Scripting;

/// <summary>
/// How the kernel sees one version of a script: it forwards each candle to the script's strategy and keeps the last
/// <c>warmup</c> candles per symbol. A version that replaces another first replays its predecessor's candles into
/// the new strategy, muted (no signals, no pattern reports), on the kernel thread before its first live candle, so
/// the new version's pattern state is rebuilt. A script whose strategy implements <see cref="IPluginState"/> gets
/// the <see cref="StatefulScriptStrategy"/> variant instead: its state is handed over explicitly and not replayed.
/// </summary>
internal class ScriptStrategy : IStrategy
{
    private readonly int _warmup;
    private readonly Dictionary<Symbol, Queue<Candle>> _recent = [];
    private ScriptStrategy? _predecessor;

    public ScriptStrategy(LoadedScript script, int warmup, ScriptStrategy? predecessor)
    {
        Script = script;
        _warmup = warmup;
        _predecessor = predecessor;
    }

    public LoadedScript Script { get; }

    /// <summary>Set when the new version received its predecessor's saved state: the warm-up replay is skipped.</summary>
    protected bool StateRestored { get; set; }

    /// <summary>The wrapper for one version: the stateful variant when the script's strategy keeps state across reloads.</summary>
    public static ScriptStrategy Create(LoadedScript script, int warmup, ScriptStrategy? predecessor) =>
        script.Strategy is IPluginState
            ? new StatefulScriptStrategy(script, warmup, predecessor)
            : new ScriptStrategy(script, warmup, predecessor);

    /// <summary>How many candles the last warm-up replayed (for tests and the log).</summary>
    public int WarmedUpWith { get; private set; }

    public void OnCandle(Candle candle, IStrategyContext context)
    {
        if (_predecessor is { } previous)
        {
            _predecessor = null; // drop the reference: the old version's code can unload
            if (StateRestored)
            {
                Adopt(previous); // the saved state already covers these candles: keep them for the next reload only
            }
            else
            {
                WarmUp(previous, context);
            }
        }

        Remember(candle);
        Script.Strategy.OnCandle(candle, context);
    }

    /// <summary>The kept candles, oldest first within each symbol.</summary>
    public IEnumerable<Candle> Recent => _recent.Values.SelectMany(q => q);

    private static ScriptStrategy LastThatRan(ScriptStrategy previous)
    {
        // Saved twice between two candles: the version in between never ran and kept nothing; its own
        // predecessor holds the candles.
        var source = previous;
        while (source._predecessor is { } older)
        {
            source = older;
        }

        return source;
    }

    private void Adopt(ScriptStrategy previous)
    {
        foreach (var candle in LastThatRan(previous).Recent)
        {
            Remember(candle);
        }
    }

    private void WarmUp(ScriptStrategy previous, IStrategyContext context)
    {
        var source = LastThatRan(previous);
        var muted = new MutedContext(context);
        foreach (var candle in source.Recent)
        {
            Remember(candle);
            muted.Now = candle.CloseTime;
            Script.Strategy.OnCandle(candle, muted);
            WarmedUpWith++;
        }
    }

    private void Remember(Candle candle)
    {
        if (_warmup == 0)
        {
            return;
        }

        if (!_recent.TryGetValue(candle.Symbol, out var queue))
        {
            queue = new Queue<Candle>(_warmup);
            _recent.Add(candle.Symbol, queue);
        }

        if (queue.Count == _warmup)
        {
            queue.Dequeue();
        }

        queue.Enqueue(candle);
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
