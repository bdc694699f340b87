using Dapper;

namespace Ict.Engine.State;

/// <summary>The plugin-state store: plugin-scoped key/value text, used to hand state to a reloaded plugin.</summary>
public sealed partial class StateStore
{
    // Straight to the connection (a reload reads it back at once), after any queued writes: in deferred mode the
    // background writer must not be holding the connection.
    public void SavePluginState(string pluginId, string key, string value, DateTimeOffset time)
    {
        FlushIfDeferred();
        _connection.Execute(
            """
            INSERT INTO plugin_state (plugin_id, key, value, updated_time) VALUES (@pluginId, @key, @value, @time)
            ON CONFLICT (plugin_id, key) DO UPDATE SET value = excluded.value, updated_time = excluded.updated_time
            """,
            new { pluginId, key, value, time = Ms(time) },
            _transaction);
    }

    public string? LoadPluginState(string pluginId, string key)
    {
        FlushIfDeferred();
        return _connection.QueryFirstOrDefault<string>(
            "SELECT value FROM plugin_state WHERE plugin_id = @pluginId AND key = @key", new { pluginId, key }, _transaction);
    }
}
