using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Kernel;

/// <summary>Hot reload inside the kernel: strategies are swapped between two events, never during one.</summary>
internal sealed partial class TradingKernel
{
    private const string StateKey = "state";

    public IReadOnlyList<string> StrategyIds => _strategies.Select(s => s.Id).ToList();

    /// <summary>The instances now running as <paramref name="id"/>, in slot order.</summary>
    public IReadOnlyList<IStrategy> StrategiesOf(string id) => _strategies.Where(s => s.Id == id).Select(s => s.Strategy).ToList();

    /// <summary>
    /// Replaces (or removes, or adds) the strategy <paramref name="swap"/> names. The old instance's state, when it
    /// implements <see cref="IPluginState"/>, is saved to the plugin-state store and given to the new instance.
    /// </summary>
    public void Swap(StrategySwapInput swap, Func<string, IPluginLogger> logFor)
    {
        var store = parts.Store;
        store.Begin();
        var now = parts.Clock.GetUtcNow();
        var slots = _strategies.Where(s => s.Id == swap.Id).ToList();
        var saved = slots.Count > 0 ? SaveState(slots[0], now) : store.LoadPluginState(swap.Id, StateKey);

        if (swap.Replacements.Count == 0)
        {
            _strategies.RemoveAll(s => s.Id == swap.Id);
        }
        else if (slots.Count == 0)
        {
            foreach (var replacement in swap.Replacements)
            {
                _strategies.Add(new StrategySlot(swap.Id, replacement, swap.SymbolsIfNew, null, logFor(swap.Id)));
            }

            slots = _strategies.Where(s => s.Id == swap.Id).ToList();
        }
        else
        {
            for (var i = 0; i < slots.Count; i++)
            {
                slots[i].Replace(swap.Replacements[Math.Min(i, swap.Replacements.Count - 1)]);
            }
        }

        if (saved is not null && swap.Replacements.Count > 0)
        {
            foreach (var slot in slots)
            {
                RestoreState(slot, saved, now);
            }
        }

        if (swap.Replacements.Count > 0)
        {
            PrimeWarmUps(slots, now);
        }

        store.Commit();
    }

    /// <summary>
    /// Hands each swapped-in strategy that asks for it the last stored candles of its series that closed by now, read
    /// here on the kernel thread, between two inputs (so every candle the kernel recorded is visible to the read).
    /// </summary>
    private void PrimeWarmUps(List<StrategySlot> slots, DateTimeOffset now)
    {
        foreach (var slot in slots)
        {
            if (slot.Strategy is IStoreWarmUp { WarmupCandles: > 0 } warm && !slot.IsFaulted)
            {
                warm.Prime(parts.Store.RecentCandles(slot.Symbols.ToList(), slot.Interval, now, warm.WarmupCandles));
            }
        }
    }

    private string? SaveState(StrategySlot slot, DateTimeOffset now)
    {
        if (slot.IsFaulted || slot.Strategy is not IPluginState stateful)
        {
            return null;
        }

        string? state = null;
        var reason = CallGuard.Invoke(() => state = stateful.SaveState());
        if (reason is not null || state is null)
        {
            Publish(new EngineError(now, slot.Id, $"strategy '{slot.Id}' could not save its state for the reload; the new build starts fresh: {reason ?? "it returned null"}"));
            return null;
        }

        parts.Store.SavePluginState(slot.Id, StateKey, state, now);
        return state;
    }

    private void RestoreState(StrategySlot slot, string saved, DateTimeOffset now)
    {
        if (slot.Strategy is not IPluginState stateful)
        {
            return;
        }

        if (CallGuard.Invoke(() => stateful.RestoreState(saved)) is { } reason)
        {
            slot.Fault(reason);
            Publish(new PluginFaulted(now, slot.Id, reason));
            Publish(new EngineError(now, slot.Id, $"strategy '{slot.Id}' failed to restore its state after the reload and receives no events: {reason}"));
        }
    }
}
