namespace Ict.Engine.State;

/// <summary>
/// A row the deferred writer binds straight from its typed properties: decimals and days are formatted on the writer
/// thread into a stack buffer, instead of an anonymous object of strings built on the kernel thread. Rows come from
/// a pool and the writer gives them back once written, so in a steady state these writes allocate nothing. In
/// immediate mode Dapper gets <see cref="ToParameters"/>, the same values as the same texts.
/// </summary>
internal abstract class QueuedRow
{
    /// <summary>The row as Dapper parameters, decimals as invariant texts (what the deferred writer binds).</summary>
    public abstract object ToParameters();

    /// <summary>Written or replaced: drop the references and go back to the pool.</summary>
    public abstract void Release();
}

/// <summary>Spare rows of one type, shared by the kernel thread (rent) and the writer thread (return).</summary>
internal sealed class RowPool<T>
    where T : QueuedRow, new()
{
    private const int MaxKept = 16_384; // four batches in flight
    private readonly Lock _lock = new();
    private readonly Stack<T> _free = new();

    public T Rent()
    {
        lock (_lock)
        {
            if (_free.TryPop(out var row))
            {
                return row;
            }
        }

        return new T();
    }

    public void Return(T row)
    {
        lock (_lock)
        {
            if (_free.Count < MaxKept)
            {
                _free.Push(row);
            }
        }
    }
}
