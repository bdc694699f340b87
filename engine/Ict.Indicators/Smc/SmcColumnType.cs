namespace Ict.Indicators.Smc;

/// <summary>The storage type smartmoneyconcepts gives an output column; it decides precision and CSV formatting.</summary>
public enum SmcColumnType
{
    /// <summary>numpy float64: compared bit for bit, NaN allowed.</summary>
    Float64,

    /// <summary>numpy float32: values are rounded to single precision, written in shortest single form, NaN allowed.</summary>
    Float32,

    /// <summary>numpy int32: whole numbers, never NaN.</summary>
    Int32,
}
