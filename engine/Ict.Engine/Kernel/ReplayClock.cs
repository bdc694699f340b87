namespace Ict.Engine.Kernel;

/// <summary>Engine time during a replay: it stands still until the data moves it, and never goes back.</summary>
public sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void AdvanceTo(DateTimeOffset time)
    {
        if (time > _now)
        {
            _now = time;
        }
    }
}
