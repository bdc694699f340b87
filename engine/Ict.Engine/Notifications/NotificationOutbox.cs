using Dapper;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.Notifications;

/// <summary>
/// The delivery side of the <c>notification_outbox</c> table: one row per notification and notifier, written on
/// enqueue (by the kernel, in its transaction) and deleted once that notifier delivered it. Rows left behind by a
/// stop or a failing notifier are sent again on the next start. Its own connection, used from the delivery
/// workers; <c>BEGIN IMMEDIATE</c> waits for the kernel's transaction, so a row is never deleted before it is
/// committed.
/// </summary>
public sealed class NotificationOutbox : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public NotificationOutbox(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        _connection.Open();
        _connection.Execute("PRAGMA busy_timeout=10000;");
    }

    public IReadOnlyList<(long Id, string Payload)> Pending(string notifierKey)
    {
        lock (_gate)
        {
            return _connection.Query<(long, string)>(
                "SELECT id, payload FROM notification_outbox WHERE notifier_key = @notifierKey ORDER BY id", new { notifierKey }).ToList();
        }
    }

    public int Count()
    {
        lock (_gate)
        {
            return _connection.ExecuteScalar<int>("SELECT COUNT(*) FROM notification_outbox");
        }
    }

    public void Delivered(long id) => Write("DELETE FROM notification_outbox WHERE id = @id", new { id });

    public void Failed(long id, string error) =>
        Write("UPDATE notification_outbox SET attempts = attempts + 1, last_error = @error WHERE id = @id", new { id, error });

    public void Dispose() => _connection.Dispose();

    private void Write(string sql, object parameters)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            _connection.Execute(sql, parameters, transaction);
            transaction.Commit();
        }
    }
}
