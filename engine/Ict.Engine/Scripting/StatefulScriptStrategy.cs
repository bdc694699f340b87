using Ict.Abstractions;

namespace Ict.Engine.Scripting;

/// <summary>
/// A script version whose strategy implements <see cref="IPluginState"/>: on a reload the kernel saves the old
/// version's state and restores it into the new one, which then skips the warm-up replay (replaying the candles on
/// top of the restored state would count them twice).
/// </summary>
internal sealed class StatefulScriptStrategy(LoadedScript script, int warmup)
    : ScriptStrategy(script, warmup), IPluginState
{
    public string SaveState() => ((IPluginState)Script.Strategy).SaveState();

    public void RestoreState(string state)
    {
        ((IPluginState)Script.Strategy).RestoreState(state);
        StateRestored = true;
    }
}
