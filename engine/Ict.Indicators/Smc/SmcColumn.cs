namespace Ict.Indicators.Smc;

/// <summary>One named output column of an smc indicator, stored in the type smartmoneyconcepts uses for it.</summary>
public sealed class SmcColumn
{
    private readonly double[]? _doubles;
    private readonly float[]? _singles;
    private readonly int[]? _ints;

    private SmcColumn(string name, SmcColumnType type, double[]? doubles, float[]? singles, int[]? ints)
    {
        Name = name;
        Type = type;
        _doubles = doubles;
        _singles = singles;
        _ints = ints;
    }

    /// <summary>The column header, exactly as smc names it (for example <c>MitigatedIndex</c>).</summary>
    public string Name { get; }

    /// <summary>How smc stores the column.</summary>
    public SmcColumnType Type { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _doubles?.Length ?? _singles?.Length ?? _ints!.Length;

    /// <summary>The value at a row, widened to double (NaN for a missing value).</summary>
    /// <param name="row">The 0-based row.</param>
    public double this[int row] => Type switch
    {
        SmcColumnType.Float64 => _doubles![row],
        SmcColumnType.Float32 => _singles![row],
        _ => _ints![row],
    };

    /// <summary>A float64 column.</summary>
    /// <param name="name">The header.</param>
    /// <param name="values">The values (NaN = missing).</param>
    public static SmcColumn Float64(string name, double[] values) => new(name, SmcColumnType.Float64, values, null, null);

    /// <summary>A float32 column.</summary>
    /// <param name="name">The header.</param>
    /// <param name="values">The values (NaN = missing).</param>
    public static SmcColumn Float32(string name, float[] values) => new(name, SmcColumnType.Float32, null, values, null);

    /// <summary>An int32 column.</summary>
    /// <param name="name">The header.</param>
    /// <param name="values">The values.</param>
    public static SmcColumn Int32(string name, int[] values) => new(name, SmcColumnType.Int32, null, null, values);

    /// <summary>The row written as pandas' <c>to_csv</c> writes it: empty for NaN, Python float repr otherwise.</summary>
    /// <param name="row">The 0-based row.</param>
    public string Format(int row) => Type switch
    {
        SmcColumnType.Float64 => PythonFloatFormat.Format(_doubles![row]),
        SmcColumnType.Float32 => PythonFloatFormat.Format(_singles![row]),
        _ => _ints![row].ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
