using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;
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
/// <para>The raw path calls the C functions directly (<see cref="SqliteNative"/>): texts, decimals and days are
/// encoded as UTF-8 into one pinned buffer that SQLite reads in place until the row is stepped, and the writer holds
/// the connection's mutex for a whole batch (<see cref="HoldConnection"/>), so the per-call locking inside SQLite is a
/// re-entry of a mutex the thread already owns.</para>
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
    private readonly RowBinding _binding = new();
    private StatementKey _lastKey;
    private Prepared? _last;

    /// <summary>
    /// Takes the connection's own (recursive) mutex until disposed: for a batch, so that each SQLite call on this
    /// thread re-enters a mutex it holds instead of locking and unlocking one. Other threads wait for the batch.
    /// </summary>
    public MutexHold HoldConnection() => new(SqliteNative.DatabaseMutex(connection.Handle!.DangerousGetHandle()));

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

        if (prepared.Statement is not null)
        {
            WriteRaw(prepared.NativeStatement, prepared.Binders!, parameters!);
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

    private void WriteRaw(nint statement, Binder[] binders, object parameters)
    {
        var db = connection.Handle!;
        var binding = _binding;
        binding.Start(statement);
        try
        {
            for (var i = 0; i < binders.Length; i++)
            {
                Check(binders[i](binding, parameters), db);
            }

            int rc;
            while ((rc = SqliteNative.Step(statement)) == SqliteNative.Row)
            {
            }

            if (rc != SqliteNative.Done)
            {
                Check(rc, db);
            }
        }
        finally
        {
            _ = SqliteNative.Reset(statement);
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
            // Every @name must come from a property of that name (matched case-sensitively here): a parameter left
            // unbound would quietly store NULL, where Microsoft.Data.Sqlite refuses a missing value.
            var parameterCount = raw.sqlite3_bind_parameter_count(statement);
            if (parameterCount != properties.Length)
            {
                statement.Dispose();
                throw new InvalidOperationException(
                    $"the statement has {parameterCount} parameters, {type.Name} supplies {properties.Length} ({string.Join(", ", properties.Select(p => "@" + p.Name))}): {sql}");
            }

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

            return new Prepared(null, null, statement, binders) { NativeStatement = statement.DangerousGetHandle() };
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

    // (binding, row) => binding.Bind(index, ((TRow)row).Property)
    private static Binder CompileBinder(Type type, PropertyInfo property, int index)
    {
        var binding = Expression.Parameter(typeof(RowBinding), "binding");
        var row = Expression.Parameter(typeof(object), "row");
        var value = Expression.Property(Expression.Convert(row, type), property);
        var call = Expression.Call(binding, BindMethod(property.PropertyType)!, Expression.Constant(index), value);
        return Expression.Lambda<Binder>(call, binding, row).Compile();
    }

    private static MethodInfo? BindMethod(Type type)
    {
        var name = type switch
        {
            _ when type == typeof(string) => nameof(RowBinding.BindString),
            _ when type == typeof(long) => nameof(RowBinding.BindInt64),
            _ when type == typeof(long?) => nameof(RowBinding.BindNullableInt64),
            _ when type == typeof(int) => nameof(RowBinding.BindInt32),
            _ when type == typeof(int?) => nameof(RowBinding.BindNullableInt32),
            _ when type == typeof(bool) => nameof(RowBinding.BindBool),
            _ when type == typeof(double) => nameof(RowBinding.BindDouble),
            _ when type == typeof(double?) => nameof(RowBinding.BindNullableDouble),
            _ when type == typeof(decimal) => nameof(RowBinding.BindDecimal),
            _ when type == typeof(decimal?) => nameof(RowBinding.BindNullableDecimal),
            _ when type == typeof(DateOnly) => nameof(RowBinding.BindDay),
            _ => null,
        };
        return name is null ? null : typeof(RowBinding).GetMethod(name, BindingFlags.Public | BindingFlags.Instance);
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

    private delegate int Binder(RowBinding binding, object row);

    private readonly record struct StatementKey(string Sql, Type? Type);

    private sealed class StatementKeyComparer : IEqualityComparer<StatementKey>
    {
        public static readonly StatementKeyComparer Instance = new();

        public bool Equals(StatementKey x, StatementKey y) => ReferenceEquals(x.Sql, y.Sql) && x.Type == y.Type;

        public int GetHashCode(StatementKey key) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Sql), key.Type);
    }

    private sealed record Prepared(SqliteCommand? Command, PropertyInfo[]? Properties, sqlite3_stmt? Statement, Binder[]? Binders)
    {
        /// <summary>The statement's C pointer; <see cref="Statement"/> keeps it alive.</summary>
        public nint NativeStatement { get; init; }
    }

    /// <summary>A held connection mutex (see <see cref="HoldConnection"/>).</summary>
    public readonly struct MutexHold : IDisposable
    {
        private readonly nint _mutex;

        public MutexHold(nint mutex)
        {
            _mutex = mutex;
            SqliteNative.EnterMutex(mutex); // a null mutex (a connection without one) is a no-op
        }

        public void Dispose() => SqliteNative.LeaveMutex(_mutex);
    }

    /// <summary>
    /// Binds one row's values to the statement being written. Texts (strings, decimals as their invariant text, days
    /// as yyyy-MM-dd) are encoded as UTF-8 into a pinned buffer and bound in place (SQLITE_STATIC): they stay valid
    /// until the next row starts, after the step. A text that does not fit is copied by SQLite (SQLITE_TRANSIENT).
    /// </summary>
    private sealed class RowBinding
    {
        private const int BufferSize = 64 * 1024;
        private readonly byte[] _buffer = GC.AllocateArray<byte>(BufferSize, pinned: true);
        private nint _statement;
        private int _used;

        public void Start(nint statement)
        {
            _statement = statement;
            _used = 0;
        }

        public int BindString(int index, string? value)
        {
            if (value is null)
            {
                return SqliteNative.BindNull(_statement, index);
            }

            if (System.Text.Encoding.UTF8.GetMaxByteCount(value.Length) <= BufferSize - _used)
            {
                return BindBuffered(index, System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used)));
            }

            return BindCopied(index, System.Text.Encoding.UTF8.GetBytes(value));
        }

        public int BindInt64(int index, long value) => SqliteNative.BindInt64(_statement, index, value);

        public int BindNullableInt64(int index, long? value) =>
            value is { } v ? SqliteNative.BindInt64(_statement, index, v) : SqliteNative.BindNull(_statement, index);

        public int BindInt32(int index, int value) => SqliteNative.BindInt64(_statement, index, value);

        public int BindNullableInt32(int index, int? value) =>
            value is { } v ? SqliteNative.BindInt64(_statement, index, v) : SqliteNative.BindNull(_statement, index);

        public int BindBool(int index, bool value) => SqliteNative.BindInt64(_statement, index, value ? 1 : 0);

        // Microsoft.Data.Sqlite refuses NaN too (SQLite would store it as NULL).
        public int BindDouble(int index, double value) =>
            double.IsNaN(value) ? throw new InvalidOperationException("Cannot store 'NaN' values.") : SqliteNative.BindDouble(_statement, index, value);

        public int BindNullableDouble(int index, double? value) =>
            value is { } v ? BindDouble(index, v) : SqliteNative.BindNull(_statement, index);

        // The same text as decimal.ToString(CultureInfo.InvariantCulture); 64 bytes hold any decimal.
        public int BindDecimal(int index, decimal value)
        {
            Span<byte> text = stackalloc byte[64];
            return value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture)
                ? BindUtf8(index, text[..written])
                : throw new InvalidOperationException($"cannot format {value}");
        }

        public int BindNullableDecimal(int index, decimal? value) =>
            value is { } v ? BindDecimal(index, v) : SqliteNative.BindNull(_statement, index);

        // A UTC day as yyyy-MM-dd text.
        public int BindDay(int index, DateOnly value)
        {
            Span<byte> text = stackalloc byte[16];
            return value.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                ? BindUtf8(index, text[..written])
                : throw new InvalidOperationException($"cannot format {value}");
        }

        private int BindUtf8(int index, ReadOnlySpan<byte> text)
        {
            if (text.Length <= BufferSize - _used)
            {
                text.CopyTo(_buffer.AsSpan(_used));
                return BindBuffered(index, text.Length);
            }

            return BindCopied(index, text);
        }

        // In the pinned buffer, read by SQLite in place until the row is stepped.
        private int BindBuffered(int index, int length)
        {
            var at = Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, _used);
            _used += length;
            return SqliteNative.BindText(_statement, index, at, length, SqliteNative.StaticText);
        }

        // The buffer is full (a row of very long texts): SQLite takes its own copy before the call returns. An empty
        // text still needs a pointer (a null one would bind NULL), so it points at the buffer with length 0.
        private unsafe int BindCopied(int index, ReadOnlySpan<byte> text)
        {
            if (text.IsEmpty)
            {
                return SqliteNative.BindText(_statement, index, Marshal.UnsafeAddrOfPinnedArrayElement(_buffer, 0), 0, SqliteNative.StaticText);
            }

            fixed (byte* bytes = text)
            {
                return SqliteNative.BindText(_statement, index, (nint)bytes, text.Length, SqliteNative.TransientText);
            }
        }
    }
}
