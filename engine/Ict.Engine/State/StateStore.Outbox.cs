namespace Ict.Engine.State;

/// <summary>Outbox writes made on the kernel's connection, so a notification commits with the event behind it.</summary>
public sealed partial class StateStore
{
    public long InsertOutbox(string notifierKey, string payload, DateTimeOffset time) =>
        ExecuteScalar<long>(
            "INSERT INTO notification_outbox (notifier_key, payload, created_time) VALUES (@notifierKey, @payload, @time) RETURNING id",
            new { notifierKey, payload, time = Ms(time) });
}
