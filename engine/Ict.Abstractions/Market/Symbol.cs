namespace Ict.Abstractions;

/// <summary>An exchange symbol such as <c>BTCUSDT</c>: upper-case letters and digits.</summary>
public readonly record struct Symbol
{
    /// <summary>Creates a symbol, checking its spelling.</summary>
    /// <param name="value">Upper-case letters and digits, 1 to 32 characters.</param>
    /// <exception cref="ArgumentException">The value is empty, too long or not upper-case letters and digits.</exception>
    public Symbol(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 32 || !value.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            throw new ArgumentException($"'{value}' is not a symbol: use upper-case letters and digits, like BTCUSDT.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The symbol's text.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
