using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

/// <summary>
/// Numbers as pandas' <c>to_csv</c> writes them. float64 cells follow Python's repr; float32 cells follow numpy's
/// float32 <c>str</c>, which picks positional notation only when 1e-4 &lt;= |x| &lt; 1e16 compared on the value itself.
/// </summary>
public sealed class PythonFloatFormatTests
{
    [Theory]
    [InlineData(0.97345555f, "0.97345555")]
    [InlineData(1f, "1.0")]
    [InlineData(-2.5f, "-2.5")]
    [InlineData(0.1f, "0.1")]
    [InlineData(16777216f, "16777216.0")]
    [InlineData(1.5e-5f, "1.5e-05")]
    [InlineData(0.00012345f, "0.00012345")]
    [InlineData(1e16f, "1e+16")]
    [InlineData(0f, "0.0")]
    public void Format_Float32_PrintsShortestSingleDigits(float value, string expected) =>
        Assert.Equal(expected, PythonFloatFormat.Format(value));

    [Theory]
    [InlineData(0.0001f, "1e-04")]
    [InlineData(-0.0001f, "-1e-04")]
    public void Format_Float32JustBelow1e4_IsScientificLikeNumpy(float value, string expected)
    {
        // float32(0.0001) is 9.99999974737875e-05: its shortest digits read "0.0001", but numpy tests the value against
        // 1e-4, finds it smaller and prints it in scientific form (np.float32(0.0001) -> '1e-04').
        Assert.True(Math.Abs((double)value) < 1e-4);
        Assert.Equal(expected, PythonFloatFormat.Format(value));
    }

    [Theory]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(0.97312, "0.97312")]
    public void Format_Float64_FollowsPythonRepr(double value, string expected) =>
        Assert.Equal(expected, PythonFloatFormat.Format(value));
}
