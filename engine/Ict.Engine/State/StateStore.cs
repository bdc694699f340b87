using System.Globalization;
using Dapper;
using Ict.Abstractions;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.State;

/// <summary>
/// The engine's SQLite state: one file, WAL, numbered migrations.
/// <para><b>Immediate</b> mode (live venues): the kernel writes inside a transaction that it commits at the end of
/// every event; <see cref="CommitIntent"/> commits mid-event, which the order manager does before anything is sent
/// to a venue (intent before action).</para>
/// <para><b>Deferred</b> mode (replays and backtests, where the venue is the in-process paper venue): writes are
/// queued and written in large transactions by a background writer, in order, so the kernel never waits on the
/// disk; <see cref="Flush"/> (and every read) waits until everything queued is written. A crash loses at most the
/// batch in flight, never corrupts the file.</para>
/// </summary>
public sealed partial class StateStore : IDisposable
{
    private const int BatchSize = 4096;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private List<PendingWrite> _pending = [];
    private Dictionary<CoalesceKey, int> _coalesced = [];
    private List<PendingWrite>? _spareBatch; // a written batch's list, cleared, for the next one
    private Task _writer = Task.CompletedTask;
    private PreparedBatchWriter? _batchWriter;
    private long _writerBusyTicks;

    private StateStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>How long the background writer has spent writing batches so far (deferred mode; wall clock).</summary>
    public TimeSpan WriterBusy => TimeSpan.FromTicks(Interlocked.Read(ref _writerBusyTicks));

    /// <summary>Writes queued and not yet handed to the background writer (deferred mode).</summary>
    internal int QueuedWrites => _pending.Count;

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

    public int SchemaVersion => ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");

    /// <summary>Immediate (commit per event) or deferred (batched by a background writer).</summary>
    public StoreWriteMode WriteMode
    {
        get;
        set
        {
            field = value;
            if (value == StoreWriteMode.Deferred && _pending.Capacity < BatchSize && _coalesced.Count == 0)
            {
                // Sized once for a full batch (and one spare list for the hand-off), so queueing never grows them.
                _pending.Capacity = BatchSize;
                _coalesced = new Dictionary<CoalesceKey, int>(BatchSize);
                _spareBatch ??= new List<PendingWrite>(BatchSize);
            }
        }
    } = StoreWriteMode.Immediate;

    /// <summary>Starts a transaction if none is open (immediate mode). Writes outside one autocommit.</summary>
    public void Begin()
    {
        if (WriteMode == StoreWriteMode.Immediate)
        {
            _transaction ??= _connection.BeginTransaction();
        }
    }

    /// <summary>Ends the kernel's unit of work: commits (immediate) or hands a full batch to the writer (deferred).</summary>
    public void Commit()
    {
        if (WriteMode == StoreWriteMode.Deferred)
        {
            if (_pending.Count >= BatchSize)
            {
                HandOffBatch();
            }

            return;
        }

        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>
    /// Makes an order intent durable before a venue sees it: commits and reopens the transaction in immediate mode.
    /// In deferred mode there is no external venue to protect against, so it does nothing.
    /// </summary>
    public void CommitIntent()
    {
        if (WriteMode == StoreWriteMode.Immediate)
        {
            Commit();
            Begin();
        }
    }

    /// <summary>Waits until every queued write is in the file.</summary>
    public void Flush()
    {
        if (_pending.Count > 0)
        {
            HandOffBatch();
        }

        _writer.GetAwaiter().GetResult();
        Commit();
    }

    public void Dispose()
    {
        try
        {
            Flush();
        }
        finally
        {
            _batchWriter?.Dispose();
            _connection.Dispose();
        }
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

    private void Execute(string sql, object? parameters = null)
    {
        if (WriteMode == StoreWriteMode.Deferred)
        {
            _pending.Add(new PendingWrite(sql, parameters));
            return;
        }

        if (parameters is QueuedRow row)
        {
            _connection.Execute(sql, row.ToParameters(), _transaction);
            row.Release();
            return;
        }

        _connection.Execute(sql, parameters, _transaction);
    }

    /// <summary>Like Execute, but in deferred mode a later write with the same key replaces a queued one.</summary>
    private void ExecuteCoalesced(CoalesceKey key, string sql, object parameters)
    {
        if (WriteMode == StoreWriteMode.Deferred && _coalesced.TryGetValue(key, out var index))
        {
            (_pending[index].Parameters as QueuedRow)?.Release(); // replaced before the writer saw it
            _pending[index] = new PendingWrite(sql, parameters);
            return;
        }

        if (WriteMode == StoreWriteMode.Deferred)
        {
            _coalesced[key] = _pending.Count;
        }

        Execute(sql, parameters);
    }

    /// <summary>
    /// Like Execute, but in deferred mode the queued row can be found by its key (<see cref="Queued{TRow}"/>) until the
    /// batch is handed to the writer, so a change made in the meantime amends the row instead of queuing an UPDATE.
    /// </summary>
    private void ExecuteAmendable(CoalesceKey key, string sql, object row)
    {
        if (WriteMode == StoreWriteMode.Deferred)
        {
            _coalesced[key] = _pending.Count;
        }

        Execute(sql, row);
    }

    /// <summary>The row queued under this key and not yet handed to the writer; null otherwise (and in immediate mode).</summary>
    private TRow? Queued<TRow>(CoalesceKey key)
        where TRow : class =>
        _coalesced.TryGetValue(key, out var index) ? _pending[index].Parameters as TRow : null;

    private T ExecuteScalar<T>(string sql, object? parameters = null)
    {
        FlushIfDeferred();
        return _connection.ExecuteScalar<T>(sql, parameters, _transaction)!;
    }

    private List<T> Query<T>(string sql, object? parameters = null)
    {
        FlushIfDeferred();
        return _connection.Query<T>(sql, parameters, _transaction).ToList();
    }

    private void FlushIfDeferred()
    {
        if (WriteMode == StoreWriteMode.Deferred)
        {
            Flush();
        }
    }

    private void HandOffBatch()
    {
        if (_writer.IsFaulted)
        {
            // A batch failed: stop here, at the kernel's next commit, instead of queuing more behind it until the end.
            _writer.GetAwaiter().GetResult();
        }

        var batch = _pending;
        _pending = Interlocked.Exchange(ref _spareBatch, null) ?? new List<PendingWrite>(BatchSize);
        _coalesced.Clear();
        // Each batch is a continuation of the one before: written in order, one at a time, and no pool thread sits
        // blocked (or spinning, stealing the kernel's core) waiting for its turn. A failed batch stops the rest.
        _writer = _writer.ContinueWith(
            (previous, state) => WriteBatch(previous, (List<PendingWrite>)state!),
            batch,
            CancellationToken.None,
            TaskContinuationOptions.DenyChildAttach,
            TaskScheduler.Default);
    }

    private void WriteBatch(Task previous, List<PendingWrite> batch)
    {
        previous.GetAwaiter().GetResult(); // already finished: rethrows the earlier batch's failure, if any
        var started = TimeProvider.System.GetTimestamp();
        _batchWriter ??= new PreparedBatchWriter(_connection);
        using var hold = _batchWriter.HoldConnection();
        using var transaction = _connection.BeginTransaction();
        foreach (var write in batch)
        {
            _batchWriter.Write(transaction, write.Sql, write.Parameters);
            (write.Parameters as QueuedRow)?.Release();
        }

        transaction.Commit();
        batch.Clear();
        Volatile.Write(ref _spareBatch, batch);
        Interlocked.Add(ref _writerBusyTicks, TimeProvider.System.GetElapsedTime(started).Ticks);
    }

    private readonly record struct PendingWrite(string Sql, object? Parameters);

    /// <summary>
    /// What a coalesced write replaces, or an amendable one is found by: the same table (or strategy) and name or
    /// number (a pattern's key has number 0, a signal's or order's its run id, which is never 0).
    /// </summary>
    private readonly record struct CoalesceKey(string Scope, string? Name, long Number);

    internal static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    internal static long? Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    // Enum.GetName<TEnum> returns the cached name without boxing the value (ToString on a generic enum boxes it);
    // a value with no name (a combination) falls back to ToString, the same text as before.
    internal static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.GetName(value) ?? value.ToString();
}

/// <summary>How the store writes: per event, or batched in the background.</summary>
public enum StoreWriteMode
{
    /// <summary>Each kernel event is committed before the next; order intents are committed before a venue sees them.</summary>
    Immediate,

    /// <summary>Writes are queued and written in large batches by a background writer (replays, backtests).</summary>
    Deferred,
}
