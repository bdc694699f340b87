namespace Ict.Engine.Plugins;

/// <summary>
/// Proves that an unloaded plugin context is really gone: collect until its weak reference dies, a bounded number of
/// times. A context that survives is held by something (a static event, a running thread, a cached type) and is
/// reported as a leak rather than forgotten.
/// </summary>
internal static class UnloadVerifier
{
    public static bool IsCollected(WeakReference? context, int attempts = 10)
    {
        if (context is null)
        {
            return true;
        }

        for (var i = 0; i < attempts && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !context.IsAlive;
    }
}
