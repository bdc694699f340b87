using Ict.Console.Tui;

namespace Ict.Console.Tests.Tui;

public sealed class ColumnWidthsTests
{
    [Fact]
    public void ColumnsThatFit_KeepTheirWidths() =>
        Assert.Equal([7, 5, 30], ColumnWidths.Fit([7, 5, 30], 50));

    [Fact]
    public void TheWidestColumnGivesWayFirst() =>
        Assert.Equal([7, 5, 18], ColumnWidths.Fit([7, 5, 30], 30));

    [Fact]
    public void WhenTheWidestReachesTheNext_BothShrinkTogether() =>
        Assert.Equal([7, 8, 8], ColumnWidths.Fit([7, 10, 12], 23));

    [Fact]
    public void NoColumnGoesBelowOne() =>
        Assert.Equal([1, 1, 1], ColumnWidths.Fit([7, 10, 12], 0));
}
