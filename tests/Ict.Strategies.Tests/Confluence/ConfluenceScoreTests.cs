using System.ComponentModel.DataAnnotations;
using Ict.Strategies.Confluence;

namespace Ict.Strategies.Tests.Confluence;

public sealed class ConfluenceScoreTests
{
    [Fact]
    public void Total_WithDefaultWeights_AddsTheWeightsOfTheFactorsThatHold()
    {
        var options = new ConfluenceOptions();

        Assert.Equal(8.0, new ConfluenceScore(true, true, true, true, true).Total(options));
        Assert.Equal(4.0, new ConfluenceScore(true, true, false, false, false).Total(options));
        Assert.Equal(3.0, new ConfluenceScore(false, false, true, true, false).Total(options));
        Assert.Equal(0.0, default(ConfluenceScore).Total(options));
    }

    [Fact]
    public void Describe_ListsTheFactorsThatHold() =>
        Assert.Equal("structure+fvg+sweep", new ConfluenceScore(true, false, true, false, true).Describe());

    [Fact]
    public void Options_WhenTheThresholdExceedsAllWeights_AreInvalid()
    {
        var errors = Validate(new ConfluenceOptions { EntryThreshold = 9.0 });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(ConfluenceOptions.EntryThreshold)));
    }

    [Fact]
    public void Options_WhenTheOteBoundsAreReversed_AreInvalid()
    {
        var errors = Validate(new ConfluenceOptions { OteMin = 0.8, OteMax = 0.6 });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(ConfluenceOptions.OteMin)));
    }

    [Fact]
    public void Options_ByDefault_AreValid() => Assert.Empty(Validate(new ConfluenceOptions()));

    private static List<ValidationResult> Validate(ConfluenceOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
