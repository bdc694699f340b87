using System.Globalization;
using Dapper;
using Ict.Abstractions;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.State;

/// <summary>
/// The engine's SQLite state: one file, WAL, numbered migrations. The kernel writes inside a transaction that it
/// commits at the end of every event it handles; <see cref="Commit"/> also commits mid-event, which the order
/// manager does before anything is sent to a venue (intent before action).
/// </summary>
public sealed partial class StateStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private StateStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    public static StateStore Open(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
        var store = new StateStore(connection, path);
        store.Migrate();
        return store;
    }

    public int SchemaVersion => _connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");

    /// <summary>Starts a transaction if none is open. Writes outside one autocommit.</summary>
    public void Begin() => _transaction ??= _connection.BeginTransaction();

    /// <summary>Commits the open transaction, if any.</summary>
    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    public void Dispose()
    {
        Commit();
        _connection.Dispose();
    }

    private void Migrate()
    {
        _connection.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_wall_utc TEXT NOT NULL)");
        var applied = _connection.Query<int>("SELECT version FROM schema_migrations").ToHashSet();
        foreach (var (version, name, sql) in Migrations.All.OrderBy(m => m.Version))
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using var transaction = _connection.BeginTransaction();
            _connection.Execute(sql, transaction: transaction);
            _connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_wall_utc) VALUES (@version, @name, @at)",
                new { version, name, at = WallClockUtc() },
                transaction);
            transaction.Commit();
        }
    }

    // The one wall-clock read of the store: when a migration or a run happened in real life, not engine time.
    private static string WallClockUtc() => TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private int Execute(string sql, object? parameters = null) => _connection.Execute(sql, parameters, _transaction);

    private T ExecuteScalar<T>(string sql, object? parameters = null) => _connection.ExecuteScalar<T>(sql, parameters, _transaction)!;

    private IEnumerable<T> Query<T>(string sql, object? parameters = null) => _connection.Query<T>(sql, parameters, _transaction);

    internal static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    internal static long? Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();
}
