using System.Globalization;
using System.Text;

namespace Ict.Exchange.Binance.Rest;

/// <summary>Ordered request parameters, formatted invariantly and percent-encoded once, so the signed string is the sent string.</summary>
public sealed class BinanceParameters
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public BinanceParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            _items.Add(new(name, value));
        }

        return this;
    }

    public BinanceParameters Add(string name, decimal? value) =>
        Add(name, value?.ToString("0.##########################", CultureInfo.InvariantCulture));

    public BinanceParameters Add(string name, long? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public BinanceParameters Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    public BinanceParameters Clone()
    {
        var copy = new BinanceParameters();
        copy._items.AddRange(_items);
        return copy;
    }

    public string ToQueryString()
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in _items)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }
}
