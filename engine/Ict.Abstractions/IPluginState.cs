namespace Ict.Abstractions;

/// <summary>
/// Optional: implemented by a plugin that keeps state across a hot reload. When a new build of the plugin replaces
/// the running one, the engine calls <see cref="SaveState"/> on the old instance between two events, stores the text
/// in its plugin-state store, and passes it to <see cref="RestoreState"/> on the new instance before its first event.
/// </summary>
public interface IPluginState
{
    /// <summary>Captures the plugin's state as text (JSON, for example).</summary>
    /// <returns>The state; the engine stores it as given.</returns>
    string SaveState();

    /// <summary>Resumes from state saved by a previous instance (possibly an older build of the plugin).</summary>
    /// <param name="state">The text a previous instance returned from <see cref="SaveState"/>.</param>
    void RestoreState(string state);
}
