using Dapper;
using Ict.Engine.State;
using Ict.Engine.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ict.Engine.Tests.State;

public sealed class PreparedBatchWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AParameterWithoutAPropertyOfItsName_IsRefused_InsteadOfStoredAsNull()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, "w.db")};Pooling=False");
        connection.Open();
        connection.Execute("CREATE TABLE t (a TEXT, b TEXT)");
        using var writer = new PreparedBatchWriter(connection);
        using var transaction = connection.BeginTransaction();

        // Parameter names are matched exactly: @B is not the property b.
        var error = Assert.Throws<InvalidOperationException>(() => writer.Write(transaction, "INSERT INTO t (a, b) VALUES (@a, @B)", new { a = "x", b = "y" }));
        Assert.Contains("2 parameters", error.Message, StringComparison.Ordinal);

        writer.Write(transaction, "INSERT INTO t (a, b) VALUES (@a, @b)", new { a = "x", b = "" });
        transaction.Commit();
        Assert.Equal("x|text|", connection.ExecuteScalar<string>("SELECT a || '|' || typeof(b) || '|' || b FROM t"));
    }
}
