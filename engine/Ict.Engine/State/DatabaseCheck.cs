using Microsoft.Data.Sqlite;

namespace Ict.Engine.State;

/// <summary>What <c>ict doctor</c> learns from a state database without changing it (opened read-only).</summary>
/// <param name="Integrity">The lines of <c>PRAGMA integrity_check</c>: exactly <c>ok</c> when the file is sound.</param>
/// <param name="SchemaVersion">The last migration recorded in the file (0 when none).</param>
/// <param name="LatestSchemaVersion">The last migration this build knows.</param>
public sealed record DatabaseCheck(IReadOnlyList<string> Integrity, int SchemaVersion, int LatestSchemaVersion)
{
    public bool IsSound => Integrity is ["ok"];

    public static DatabaseCheck Inspect(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA busy_timeout=5000";
            command.ExecuteNonQuery();
        }

        var integrity = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA integrity_check";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // One row per problem, or one row holding several lines: keep one problem per entry.
                integrity.AddRange(reader.GetString(0).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(line => !line.StartsWith("*** in database", StringComparison.Ordinal)));
            }
        }

        var version = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
            if ((long)command.ExecuteScalar()! > 0)
            {
                command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
                version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new DatabaseCheck(integrity, version, Migrations.All[^1].Version);
    }
}
