namespace Ict.Engine.Configuration;

/// <summary>The config a running engine last applied: the start-up one, then each live edit that loaded.</summary>
internal sealed class LatestConfig(EngineConfig initial)
{
    private volatile EngineConfig _value = initial;

    public EngineConfig Value => _value;

    public void Set(EngineConfig config) => _value = config;
}
