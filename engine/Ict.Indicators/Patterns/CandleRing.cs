using Ict.Abstractions;

namespace Ict.Indicators.Patterns;

/// <summary>A fixed-capacity ring of the most recent candles; adding to a full ring drops the oldest.</summary>
internal sealed class CandleRing
{
    private readonly Candle[] _items;
    private int _next;

    public CandleRing(int capacity)
    {
        _items = new Candle[capacity];
    }

    /// <summary>How many candles are held (at most the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Adds the newest candle.</summary>
    public void Add(Candle candle)
    {
        _items[_next] = candle;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (Count < _items.Length)
        {
            Count++;
        }
    }

    /// <summary>A held candle counted back from the newest: 0 is the newest, 1 the one before it.</summary>
    public Candle FromEnd(int back)
    {
        if ((uint)back >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(back));
        }

        var index = _next - 1 - back;
        if (index < 0)
        {
            index += _items.Length;
        }

        return _items[index];
    }
}
