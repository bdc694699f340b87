namespace Ict.Engine.Status;

/// <summary>What a reader of <c>status.json</c> can say about the engine that wrote it.</summary>
public enum EngineLiveness
{
    /// <summary>The writer is alive and the file is fresh.</summary>
    Running = 1,

    /// <summary>The writer is alive but has not rewritten the file for much longer than its interval (hung or overloaded).</summary>
    Stale = 2,

    /// <summary>The run ended cleanly (the file says <c>stopped</c>).</summary>
    Stopped = 3,

    /// <summary>The file says running, but its process is gone (killed, crashed, or the machine restarted).</summary>
    Dead = 4,
}

/// <summary>Judges a status file against the clock and the process table.</summary>
public static class StatusLivenessCheck
{
    /// <summary>How old a running engine's file may get before it is called stale: three intervals plus five seconds.</summary>
    public static TimeSpan StaleAfter(StatusDocument status) =>
        TimeSpan.FromMilliseconds(3.0 * status.WriteIntervalMilliseconds) + TimeSpan.FromSeconds(5);

    public static EngineLiveness Judge(StatusDocument status, DateTimeOffset now, Func<StatusDocument, bool> isWriterAlive)
    {
        if (status.State == "stopped")
        {
            return EngineLiveness.Stopped;
        }

        if (!isWriterAlive(status))
        {
            return EngineLiveness.Dead;
        }

        return now - status.WrittenAt > StaleAfter(status) ? EngineLiveness.Stale : EngineLiveness.Running;
    }
}
