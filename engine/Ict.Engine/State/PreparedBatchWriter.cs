using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ict.Engine.State;

/// <summary>
/// Writes queued statements with one prepared statement per SQL text, reused for every row, binding each parameter
/// from the queued object's property of the same name. Used by the deferred store's background writer, where the
/// same few statements run hundreds of thousands of times in a backtest: statements whose parameters are all strings,
/// integers, doubles or null are bound by index on the raw SQLite statement through compiled property getters (no
/// reflection, no per-row name lookup, no command or reader objects); any other statement goes through a reused
/// <see cref="SqliteCommand"/>. Both bind a value the same way (a bool as 0/1).
/// </summary>
internal sealed class PreparedBatchWriter(SqliteConnection connection) : IDisposable
{
    // Binders depend only on the SQL text and the row type: compiled once per process, not once per store (run).
    private static readonly Dictionary<(string Sql, Type Type), Binder[]> CompiledBinders = [];
    private static readonly Lock CompiledBindersLock = new();

    // Keyed by the SQL string's reference: the store's statements are constants, so a row costs a reference
    // comparison instead of hashing a few hundred characters of SQL (an equal text in another string object just
    // gets its own prepared statement).
    private readonly Dictionary<StatementKey, Prepared> _commands = new(StatementKeyComparer.Instance);
    private StatementKey _lastKey;
    private Prepared? _last;

    public void Write(SqliteTransaction transaction, string sql, object? parameters)
    {
        var key = new StatementKey(sql, parameters?.GetType());
        Prepared? prepared;
        if (_last is not null && ReferenceEquals(_lastKey.Sql, sql) && _lastKey.Type == key.Type)
        {
            prepared = _last;
        }
        else
        {
            if (!_commands.TryGetValue(key, out prepared))
            {
                prepared = Prepare(sql, key.Type);
                _commands.Add(key, prepared);
            }

            _lastKey = key;
            _last = prepared;
        }

        if (prepared.Statement is { } statement)
        {
            WriteRaw(statement, prepared.Binders!, parameters!);
            return;
        }

        var command = prepared.Command!;
        command.Transaction = transaction;
        for (var i = 0; i < prepared.Properties!.Length; i++)
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
            prepared.Command?.Dispose();
            prepared.Statement?.Dispose();
        }

        _commands.Clear();
        _last = null;
    }

    private void WriteRaw(sqlite3_stmt statement, Binder[] binders, object parameters)
    {
        var db = connection.Handle!;
        try
        {
            for (var i = 0; i < binders.Length; i++)
            {
                Check(binders[i](statement, parameters), db);
            }

            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc, db);
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    private Prepared Prepare(string sql, Type? type)
    {
        var properties = (type?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
            .Where(p => UsesParameter(sql, p.Name))
            .ToArray();
        if (type is not null && properties.All(p => BindMethod(p.PropertyType) is not null) && PrepareRaw(sql) is { } statement)
        {
            Binder[]? binders;
            lock (CompiledBindersLock)
            {
                CompiledBinders.TryGetValue((sql, type), out binders);
            }

            if (binders is null)
            {
                binders = new Binder[properties.Length];
                for (var i = 0; i < properties.Length; i++)
                {
                    var index = raw.sqlite3_bind_parameter_index(statement, "@" + properties[i].Name);
                    binders[i] = CompileBinder(type, properties[i], index);
                }

                lock (CompiledBindersLock)
                {
                    CompiledBinders.TryAdd((sql, type), binders);
                }
            }

            return new Prepared(null, null, statement, binders);
        }

        if (type is not null && type.IsSubclassOf(typeof(QueuedRow)))
        {
            // A typed row's decimals must be bound as the texts above, never by SqliteCommand's own formatting.
            throw new InvalidOperationException($"{type.Name} rows need a single-statement SQL text with bindable properties");
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var property in properties)
        {
            command.Parameters.Add(new SqliteParameter("@" + property.Name, null));
        }

        return new Prepared(command, properties, null, null);
    }

    /// <summary>A raw statement for a single-statement SQL text; null when the text holds more than one.</summary>
    private sqlite3_stmt? PrepareRaw(string sql)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement, out var tail), db);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            statement.Dispose();
            return null;
        }

        return statement;
    }

    // (statement, row) => Bind(statement, index, ((TRow)row).Property)
    private static Binder CompileBinder(Type type, PropertyInfo property, int index)
    {
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var row = Expression.Parameter(typeof(object), "row");
        var value = Expression.Property(Expression.Convert(row, type), property);
        var call = Expression.Call(BindMethod(property.PropertyType)!, statement, Expression.Constant(index), value);
        return Expression.Lambda<Binder>(call, statement, row).Compile();
    }

    private static MethodInfo? BindMethod(Type type)
    {
        var name = type switch
        {
            _ when type == typeof(string) => nameof(BindString),
            _ when type == typeof(long) => nameof(BindInt64),
            _ when type == typeof(long?) => nameof(BindNullableInt64),
            _ when type == typeof(int) => nameof(BindInt32),
            _ when type == typeof(int?) => nameof(BindNullableInt32),
            _ when type == typeof(bool) => nameof(BindBool),
            _ when type == typeof(double) => nameof(BindDouble),
            _ when type == typeof(double?) => nameof(BindNullableDouble),
            _ when type == typeof(decimal) => nameof(BindDecimal),
            _ when type == typeof(decimal?) => nameof(BindNullableDecimal),
            _ when type == typeof(DateOnly) => nameof(BindDay),
            _ => null,
        };
        return name is null ? null : typeof(PreparedBatchWriter).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static);
    }

    private static int BindString(sqlite3_stmt statement, int index, string? value) =>
        value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value);

    private static int BindInt64(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int BindNullableInt64(sqlite3_stmt statement, int index, long? value) =>
        value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int BindInt32(sqlite3_stmt statement, int index, int value) => raw.sqlite3_bind_int64(statement, index, value);

    private static int BindNullableInt32(sqlite3_stmt statement, int index, int? value) =>
        value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static int BindBool(sqlite3_stmt statement, int index, bool value) => raw.sqlite3_bind_int64(statement, index, value ? 1 : 0);

    // Microsoft.Data.Sqlite refuses NaN too (SQLite would store it as NULL).
    private static int BindDouble(sqlite3_stmt statement, int index, double value) =>
        double.IsNaN(value) ? throw new InvalidOperationException("Cannot store 'NaN' values.") : raw.sqlite3_bind_double(statement, index, value);

    private static int BindNullableDouble(sqlite3_stmt statement, int index, double? value) =>
        value is { } v ? BindDouble(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    // A decimal is stored as its invariant text, the same text as decimal.ToString(CultureInfo.InvariantCulture),
    // formatted as UTF-8 on the stack: no string per value. 64 bytes hold any decimal ("-" and 29 digits and ".").
    private static int BindDecimal(sqlite3_stmt statement, int index, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"cannot format {value}");
        }

        return raw.sqlite3_bind_text(statement, index, text[..written]);
    }

    private static int BindNullableDecimal(sqlite3_stmt statement, int index, decimal? value) =>
        value is { } v ? BindDecimal(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    // A UTC day as yyyy-MM-dd text.
    private static int BindDay(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        if (!value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"cannot format {value}");
        }

        return raw.sqlite3_bind_text(statement, index, text[..written]);
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

    private delegate int Binder(sqlite3_stmt statement, object row);

    private readonly record struct StatementKey(string Sql, Type? Type);

    private sealed class StatementKeyComparer : IEqualityComparer<StatementKey>
    {
        public static readonly StatementKeyComparer Instance = new();

        public bool Equals(StatementKey x, StatementKey y) => ReferenceEquals(x.Sql, y.Sql) && x.Type == y.Type;

        public int GetHashCode(StatementKey key) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Sql), key.Type);
    }

    private sealed record Prepared(SqliteCommand? Command, PropertyInfo[]? Properties, sqlite3_stmt? Statement, Binder[]? Binders);
}
