using Ict.Engine.Plugins;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins;

/// <summary>Plugins dropped, replaced and removed under a running engine, through the real file watcher.</summary>
[Collection(PluginTestCollection.Name)]
public sealed class HotReloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ProbeListener _probe = new();

    public void Dispose()
    {
        _probe.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Reload_WhenANewBuildIsCopiedOver_SwapsBetweenEventsAndHandsStateOver()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "versioned"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.versioned"]);
        await engine.FeedAsync();
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v1:2");

        FixturePlugins.CopyTo(FixturePlugins.V2, folder);
        await engine.Log.WaitForAsync("fixture.versioned 2.0.0 (Strategy) reloaded");
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m == "v2:3");
        Assert.Equal("2.0.0", engine.Plugin("fixture.versioned").Version);
        await engine.Log.WaitForAsync("unloaded and collected (replaced by a new build)");
    }

    [Fact]
    public async Task Reload_WhenAPluginFolderAppears_StartsItsStrategyOnTheNextCandle()
    {
        await using var engine = RunningEngine.Start(_temp, ["ict.ob-fvg"]);
        await engine.FeedAsync();

        FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(engine.PluginDirectory, "dropped"));
        await engine.Log.WaitForAsync("fixture.versioned 1.0.0 (Strategy) loaded");
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m == "v1:1");
    }

    [Fact]
    public async Task Reload_WhenTheFolderIsDeleted_StopsTheStrategyAndUnloadsIt()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "versioned"));
        FixturePlugins.CopyTo(FixturePlugins.JsonOld, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "json"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.versioned", "fixture.json-old"]);
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v1:1");

        Directory.Delete(folder, recursive: true);
        await engine.Log.WaitForAsync("removed: fixture.versioned stopped");
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m.StartsWith("fixture.json-old", StringComparison.Ordinal) && m.EndsWith("42003.0}", StringComparison.Ordinal));
        Assert.DoesNotContain("v1:2", _probe.Messages);
        var gone = engine.Plugin("fixture.versioned");
        Assert.Equal((PluginState.Unloaded, "its folder was removed"), (gone.State, gone.Reason));
    }

    [Fact]
    public async Task Reload_WhenDllIsHalfWritten_KeepsPreviousVersion()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "versioned"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.versioned"]);
        var dll = Path.Combine(folder, "Fixture.Versioned.dll");
        var v2 = File.ReadAllBytes(FixturePlugins.MainAssembly(FixturePlugins.V2));

        await using (var partial = new FileStream(dll, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            await partial.WriteAsync(v2.AsMemory(0, v2.Length / 2));
            await partial.FlushAsync();
            await engine.ApplyChangeAsync(folder); // as if the watcher looked mid-copy
            await engine.FeedAsync();
            await _probe.WaitForAsync(m => m == "v1:1");
            await partial.WriteAsync(v2.AsMemory(v2.Length / 2));
        }

        await engine.Log.WaitForAsync("fixture.versioned 2.0.0 (Strategy) reloaded");
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v2:2");
    }

    [Fact]
    public async Task Reload_WhenTheDllIsHeldExclusivelyByTheCopy_KeepsPreviousVersionAndAppliesItAfterwards()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "versioned"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.versioned"]);
        var dll = Path.Combine(folder, "Fixture.Versioned.dll");
        var v2 = File.ReadAllBytes(FixturePlugins.MainAssembly(FixturePlugins.V2));

        await using (var copying = new FileStream(dll, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await copying.WriteAsync(v2);
            await copying.FlushAsync();
            await engine.ApplyChangeAsync(folder); // the watcher looks while the copy still holds the file
            await engine.Log.WaitForAsync("not applied yet, a file is busy");
            await engine.FeedAsync();
            await _probe.WaitForAsync(m => m == "v1:1");
        }

        await engine.ApplyChangeAsync(folder);
        await engine.Log.WaitForAsync("fixture.versioned 2.0.0 (Strategy) reloaded");
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v2:2");
    }

    [Fact]
    public async Task Reload_WhenTheNewBuildIsCorrupt_QuarantinesItAndTheOldVersionKeepsTrading()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "versioned"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.versioned"], watch: false);
        await File.WriteAllBytesAsync(Path.Combine(folder, "Fixture.Versioned.dll"), new byte[4096]);

        await engine.ApplyChangeAsync(folder);
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m == "v1:1");
        Assert.Contains(engine.Log.Lines, l => l.Contains("refused, the running version stays", StringComparison.Ordinal));
        Assert.Equal(PluginState.Loaded, engine.Plugin("fixture.versioned").State);
    }

    [Fact]
    public async Task Reload_WhenADroppedFolderReusesALoadedId_QuarantinesItAndKeepsTheFirst()
    {
        FixturePlugins.CopyTo(FixturePlugins.V1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "versioned"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.versioned"]);

        var copy = FixturePlugins.CopyTo(FixturePlugins.V2, Path.Combine(engine.PluginDirectory, "copy"));
        await engine.Log.WaitForAsync("Plugin folder " + copy + " refused");
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m == "v1:1");
        var refused = engine.Catalog.Plugins.Single(p => p.Path == copy);
        Assert.Equal(PluginState.Quarantined, refused.State);
        Assert.Contains("already uses the id 'fixture.versioned'", refused.Reason, StringComparison.Ordinal);
    }
}
