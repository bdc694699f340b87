using System.Globalization;
using System.Text;

namespace Ict.Indicators.Smc;

/// <summary>
/// Writes numbers the way pandas' <c>to_csv</c> writes numpy floats: the shortest digits that round-trip in the
/// value's own precision (so a float32 0.97345555 stays <c>0.97345555</c>), positional between 1e-4 and 1e16 with a
/// trailing <c>.0</c> on whole numbers, scientific (<c>1e-05</c>) outside, and an empty field for NaN.
/// </summary>
public static class PythonFloatFormat
{
    /// <summary>Formats a float64 value.</summary>
    /// <param name="value">The value.</param>
    public static string Format(double value) =>
        double.IsNaN(value) ? string.Empty : Build(value.ToString("R", CultureInfo.InvariantCulture), double.IsInfinity(value));

    /// <summary>Formats a float32 value with its own (single precision) shortest digits.</summary>
    /// <param name="value">The value.</param>
    /// <remarks>
    /// numpy chooses the notation from the value, not from its digits: positional only when 1e-4 &lt;= |x| &lt; 1e16.
    /// So float32(0.0001), which is 9.99999974737875e-05 and whose shortest digits are "0.0001", prints as <c>1e-04</c>.
    /// </remarks>
    public static string Format(float value)
    {
        if (float.IsNaN(value))
        {
            return string.Empty;
        }

        var magnitude = Math.Abs((double)value);
        var scientific = magnitude != 0 && !(magnitude >= 1e-4 && magnitude < 1e16);
        return Build(value.ToString("R", CultureInfo.InvariantCulture), float.IsInfinity(value), scientific);
    }

    private static string Build(string roundTrip, bool infinite, bool? scientific = null)
    {
        var negative = roundTrip.StartsWith('-');
        if (infinite)
        {
            return negative ? "-inf" : "inf";
        }

        var body = negative ? roundTrip[1..] : roundTrip;
        var exponent = 0;
        var e = body.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var dot = body.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? body : body[..dot];
        var fracPart = dot < 0 ? string.Empty : body[(dot + 1)..];
        var digits = (intPart + fracPart).TrimStart('0');
        // Position of the decimal point relative to the first significant digit: value = 0.d1d2... x 10^point.
        var point = intPart.Length + exponent - ((intPart + fracPart).Length - digits.Length);
        digits = digits.TrimEnd('0');
        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }

        if (digits.Length == 0)
        {
            return sb.Append("0.0").ToString();
        }

        // Python's repr (float64) decides on the decimal point's position; numpy's float32 str passes its own decision in.
        var positional = scientific is { } forced ? !forced : point > -4 && point <= 16;
        if (positional)
        {
            AppendPositional(sb, digits, point);
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exp = point - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static void AppendPositional(StringBuilder sb, string digits, int point)
    {
        if (point <= 0)
        {
            sb.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            sb.Append(digits).Append('0', point - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
    }
}
