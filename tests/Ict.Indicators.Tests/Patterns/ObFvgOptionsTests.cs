using Ict.Indicators.Patterns;

namespace Ict.Indicators.Tests.Patterns;

public sealed class ObFvgOptionsTests
{
    [Fact]
    public void Defaults_MatchTheSeedSettings()
    {
        var options = new ObFvgOptions();

        Assert.Equal(200, options.HistoryCandles);
        Assert.Equal(20, options.MinCandles);
        Assert.Equal(0.7m, options.MinBodyRatio);
        Assert.Equal(3, options.ObMaxTouches);
        Assert.Equal(100, options.ObMaxAgeCandles);
        Assert.Equal(0.1m, options.FvgMinGapPercent);
        Assert.Equal(50, options.FvgMaxAgeCandles);
        options.Validate();
    }

    public static TheoryData<string, ObFvgOptions> InvalidOptions => new()
    {
        { "MinCandles", new ObFvgOptions { MinCandles = 0 } },
        { "HistoryCandles", new ObFvgOptions { HistoryCandles = 2, MinCandles = 2 } },
        { "HistoryCandles", new ObFvgOptions { HistoryCandles = 19 } },
        { "MinBodyRatio", new ObFvgOptions { MinBodyRatio = -0.1m } },
        { "MinBodyRatio", new ObFvgOptions { MinBodyRatio = 1.1m } },
        { "ObMaxTouches", new ObFvgOptions { ObMaxTouches = 0 } },
        { "ObMaxAgeCandles", new ObFvgOptions { ObMaxAgeCandles = 0 } },
        { "FvgMinGapPercent", new ObFvgOptions { FvgMinGapPercent = -0.01m } },
        { "FvgMaxAgeCandles", new ObFvgOptions { FvgMaxAgeCandles = 0 } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_WhenASettingIsOutOfRange_NamesIt(string setting, ObFvgOptions options)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void Validate_AtTheSmallestAllowedValues_Passes()
    {
        var options = new ObFvgOptions
        {
            HistoryCandles = 3,
            MinCandles = 1,
            MinBodyRatio = 0m,
            ObMaxTouches = 1,
            ObMaxAgeCandles = 1,
            FvgMinGapPercent = 0m,
            FvgMaxAgeCandles = 1,
        };

        options.Validate();
    }
}
