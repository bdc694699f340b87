using System.Globalization;

namespace Ict.Engine;

/// <summary>Decimal text for outputs people and other tools compare: exact, never rounded, no trailing zeros.</summary>
public static class DecimalText
{
    /// <summary><c>25.00</c> → <c>25</c>, <c>1.2105000000000001</c> stays as it is.</summary>
    public static string Exact(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}
