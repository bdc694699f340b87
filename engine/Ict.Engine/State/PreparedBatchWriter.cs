using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.State;

/// <summary>
/// Writes queued statements with one prepared command per SQL text, reused for every row, binding each parameter
/// from the queued object's property of the same name. Used by the deferred store's background writer, where the
/// same few statements run thousands of times.
/// </summary>
internal sealed class PreparedBatchWriter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<(string Sql, Type? Type), Prepared> _commands = [];

    public void Write(SqliteTransaction transaction, string sql, object? parameters)
    {
        var key = (sql, parameters?.GetType());
        if (!_commands.TryGetValue(key, out var prepared))
        {
            prepared = Prepare(sql, parameters?.GetType());
            _commands.Add(key, prepared);
        }

        var command = prepared.Command;
        command.Transaction = transaction;
        for (var i = 0; i < prepared.Properties.Length; i++)
        {
            command.Parameters[i].Value = prepared.Properties[i].GetValue(parameters) switch
            {
                null => DBNull.Value,
                bool flag => flag ? 1 : 0,
                var value => value,
            };
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var prepared in _commands.Values)
        {
            prepared.Command.Dispose();
        }

        _commands.Clear();
    }

    private Prepared Prepare(string sql, Type? type)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var properties = (type?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
            .Where(p => UsesParameter(sql, p.Name))
            .ToArray();
        foreach (var property in properties)
        {
            command.Parameters.Add(new SqliteParameter("@" + property.Name, null));
        }

        return new Prepared(command, properties);
    }

    private static bool UsesParameter(string sql, string name)
    {
        var token = "@" + name;
        for (var at = sql.IndexOf(token, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if (end == sql.Length || !(char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Prepared(SqliteCommand Command, PropertyInfo[] Properties);
}
