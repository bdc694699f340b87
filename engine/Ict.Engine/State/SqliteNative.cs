using System.Runtime.InteropServices;

namespace Ict.Engine.State;

/// <summary>
/// The few SQLite C functions the deferred writer calls once per value, imported directly from the e_sqlite3 library
/// that Microsoft.Data.Sqlite already loaded: plain pointers instead of SQLitePCL's safe handles (a reference count
/// taken and released on every call) and its string marshalling. Only for statements the writer prepared itself and
/// keeps alive; everything else goes through Microsoft.Data.Sqlite.
/// </summary>
internal static partial class SqliteNative
{
    public const int Ok = 0;
    public const int Row = 100;
    public const int Done = 101;

    /// <summary>SQLITE_STATIC: the text stays where it is until the statement is stepped and rebound.</summary>
    public static readonly nint StaticText = 0;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the text before the call returns.</summary>
    public static readonly nint TransientText = -1;

    private const string Library = "e_sqlite3";

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    public static partial int BindInt64(nint statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double")]
    public static partial int BindDouble(nint statement, int index, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    public static partial int BindNull(nint statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    public static partial int BindText(nint statement, int index, nint utf8, int length, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    public static partial int Reset(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_db_mutex")]
    public static partial nint DatabaseMutex(nint database);

    [LibraryImport(Library, EntryPoint = "sqlite3_mutex_enter")]
    public static partial void EnterMutex(nint mutex);

    [LibraryImport(Library, EntryPoint = "sqlite3_mutex_leave")]
    public static partial void LeaveMutex(nint mutex);
}
