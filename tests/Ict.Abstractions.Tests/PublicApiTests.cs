namespace Ict.Abstractions.Tests;

/// <summary>
/// The plugin API is a contract with plugin authors: any change to its public surface must show up as a reviewed
/// diff of PublicApi.approved.txt (and, when it breaks plugins, a new PluginApi.Version).
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicSurface_MatchesTheApprovedFile()
    {
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi.approved.txt");
        var actual = PublicApiWriter.Write(typeof(IStrategy).Assembly).ReplaceLineEndings("\n");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");

        if (actual != approved)
        {
            var received = Path.Combine(AppContext.BaseDirectory, "PublicApi.received.txt");
            File.WriteAllText(received, actual);
            var firstDifference = actual.Split('\n').Zip(approved.Split('\n'))
                .Select((pair, line) => (pair, line))
                .FirstOrDefault(x => x.pair.First != x.pair.Second);
            Assert.Fail($"The public API of Ict.Abstractions changed. First difference at line {firstDifference.line + 1}:\n" +
                $"  approved: {firstDifference.pair.Second}\n  actual:   {firstDifference.pair.First}\n" +
                $"If the change is deliberate, copy {received} over tests/Ict.Abstractions.Tests/PublicApi.approved.txt.");
        }
    }

    [Fact]
    public void PublicSurface_ListsTheThreePluginContracts()
    {
        var surface = PublicApiWriter.Write(typeof(IStrategy).Assembly);

        Assert.Contains("interface Ict.Abstractions.IStrategy", surface, StringComparison.Ordinal);
        Assert.Contains("interface Ict.Abstractions.IRiskManager", surface, StringComparison.Ordinal);
        Assert.Contains("interface Ict.Abstractions.INotifier", surface, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginApiVersion_IsOne()
    {
        Assert.Equal(1, PluginApi.Version);
    }
}
