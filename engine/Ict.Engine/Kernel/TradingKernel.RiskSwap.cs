using Ict.Abstractions;
using Ict.Engine.Events;

namespace Ict.Engine.Kernel;

/// <summary>Hot reload of the risk manager: a new build takes over between two inputs, never during a decision.</summary>
internal sealed partial class TradingKernel
{
    /// <summary>The risk manager in use.</summary>
    public IRiskManager RiskManager => _risk.Manager;

    /// <summary>
    /// Replaces the risk manager with a new build of the same plugin. The old instance's state, when it implements
    /// <see cref="IPluginState"/>, is saved to the plugin-state store and given to the new one; a save or restore that
    /// fails leaves the new build starting fresh (logged), since refusing every signal would be worse.
    /// </summary>
    public void SwapRisk(RiskSwapInput swap)
    {
        if (swap.Id != _risk.Id)
        {
            throw new InvalidOperationException($"'{swap.Id}' is not the risk manager in use ('{_risk.Id}')");
        }

        var store = parts.Store;
        store.Begin();
        var now = parts.Clock.GetUtcNow();
        string? state = null;
        if (_risk.Manager is IPluginState old && Guard(() => state = old.SaveState(), "save its state") && state is not null)
        {
            store.SavePluginState(_risk.Id, StateKey, state, now);
        }

        var previous = _risk;
        _risk = previous with { Manager = swap.Replacement };
        if (state is not null && swap.Replacement is IPluginState next)
        {
            Guard(() => next.RestoreState(state), "restore its state");
        }

        store.Commit();

        bool Guard(Action call, string what)
        {
            try
            {
                call();
                return true;
            }
            catch (Exception ex)
            {
                Publish(new EngineError(now, swap.Id, $"risk manager '{swap.Id}' could not {what} for the reload; the new build starts fresh: {ex.GetType().Name}: {ex.Message}"));
                return false;
            }
        }
    }
}
