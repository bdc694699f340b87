using Ict.Indicators.Smc;

namespace Ict.Indicators.Tests.Smc;

public sealed class FirstCrossingTests
{
    [Fact]
    public void FirstAtOrBelow_WhenStartIsInTheLastPartialBlockAndNothingCrosses_ReturnsMinusOne()
    {
        // 40 rows: block 1 holds rows 32..39. Row 33 would match but lies before the start.
        var x = Enumerable.Repeat(10.0, 40).ToArray();
        x[33] = 1;

        Assert.Equal(-1, new FirstCrossing(x).FirstAtOrBelow(35, 5));
        Assert.Equal(33, new FirstCrossing(x).FirstAtOrBelow(2, 5));
    }

    [Fact]
    public void AllSearches_OnRandomData_EqualAForwardScan()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 1001).Select(_ => Math.Round(random.NextDouble() * 100)).ToArray();
        var finder = new FirstCrossing(x);
        for (var trial = 0; trial < 3000; trial++)
        {
            var start = random.Next(0, 1010);
            var level = Math.Round(random.NextDouble() * 110) - 5;

            Assert.Equal(Scan(x, start, v => v > level), finder.FirstAbove(start, level));
            Assert.Equal(Scan(x, start, v => v >= level), finder.FirstAtOrAbove(start, level));
            Assert.Equal(Scan(x, start, v => v < level), finder.FirstBelow(start, level));
            Assert.Equal(Scan(x, start, v => v <= level), finder.FirstAtOrBelow(start, level));
        }
    }

    private static int Scan(double[] x, int start, Func<double, bool> hit)
    {
        for (var j = start; j < x.Length; j++)
        {
            if (hit(x[j]))
            {
                return j;
            }
        }

        return -1;
    }
}
