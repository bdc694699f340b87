using Ict.Engine.Plugins;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins;

/// <summary>A misbehaving strategy is faulted alone; the engine and the other strategies go on.</summary>
[Collection(PluginTestCollection.Name)]
public sealed class FaultIsolationTests : IDisposable
{
    private const string ReleaseKey = "ict.fixture.release";

    // Generous enough for a healthy plugin's cold first call (loading and JIT-compiling Newtonsoft.Json) on a busy CI box.
    private const int HangBudgetMs = 1000;
    private readonly TempDirectory _temp = new();
    private readonly ProbeListener _probe = new();
    private readonly ManualResetEventSlim _release = new();

    public FaultIsolationTests()
    {
        AppContext.SetData(ReleaseKey, _release);
        FixturePlugins.CopyTo(FixturePlugins.Misbehaving, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "bad"));
        FixturePlugins.CopyTo(FixturePlugins.JsonOld, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "good"));
    }

    public void Dispose()
    {
        _release.Set();
        AppContext.SetData(ReleaseKey, null);
        _probe.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Strategy_WhenOnCandleThrows_IsFaultedAndTheOthersGoOn()
    {
        await using var engine = RunningEngine.Start(_temp, ["fixture.throws", "fixture.json-old"], watch: false);

        await engine.FeedAsync();
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m.EndsWith("42003.0}", StringComparison.Ordinal));
        Assert.Single(_probe.Messages, "fixture.throws:called");
        var faulted = engine.Plugin("fixture.throws");
        Assert.Equal(PluginState.Faulted, faulted.State);
        Assert.Contains("InvalidOperationException: fixture strategy fails on every candle", faulted.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Faulted, engine.LiveStatus!.Single(p => p.Id == "fixture.throws").State);
    }

    [Fact]
    public async Task Strategy_WhenItHangs_IsFaultedAfterItsTimeBudget()
    {
        await using var engine = RunningEngine.Start(_temp, ["fixture.hangs", "fixture.json-old"], budgetMs: HangBudgetMs, watch: false);

        await engine.FeedAsync();
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m.EndsWith("42003.0}", StringComparison.Ordinal));
        Assert.Single(_probe.Messages, "fixture.hangs:entered");
        var faulted = engine.Plugin("fixture.hangs");
        Assert.Equal(PluginState.Faulted, faulted.State);
        Assert.Contains($"overran its time budget of {HangBudgetMs} ms", faulted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strategy_WhenItsConstructorThrows_IsFaultedAtStartAndTheEngineRuns()
    {
        await using var engine = RunningEngine.Start(_temp, ["fixture.throws-in-ctor", "fixture.json-old"], watch: false);

        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m.StartsWith("fixture.json-old", StringComparison.Ordinal));
        var faulted = engine.Plugin("fixture.throws-in-ctor");
        Assert.Equal(PluginState.Faulted, faulted.State);
        Assert.Contains("its constructor threw InvalidOperationException: fixture constructor fails", faulted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_WhenAFaultedPluginsFolderChangesButNotItsAssembly_DoesNotReEnableIt()
    {
        await using var engine = RunningEngine.Start(_temp, ["fixture.throws", "fixture.json-old"], watch: false);
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m.StartsWith("fixture.json-old", StringComparison.Ordinal));

        var folder = Path.Combine(engine.PluginDirectory, "bad");
        File.SetLastWriteTimeUtc(Path.Combine(folder, "Fixture.Misbehaving.dll"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        await engine.ApplyChangeAsync(folder);
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m.EndsWith("42003.0}", StringComparison.Ordinal));
        Assert.Single(_probe.Messages, "fixture.throws:called");
        Assert.Equal(PluginState.Faulted, engine.Plugin("fixture.throws").State);
    }

    [Fact]
    public async Task Unload_WhenAHungCallStillRunsPluginCode_ReportsTheLeak()
    {
        await using var engine = RunningEngine.Start(_temp, ["fixture.hangs", "fixture.json-old"], budgetMs: HangBudgetMs, watch: false);
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m.StartsWith("fixture.json-old", StringComparison.Ordinal));

        var folder = Path.Combine(engine.PluginDirectory, "bad");
        Directory.Delete(folder, recursive: true);
        await engine.ApplyChangeAsync(folder);

        var gone = engine.Plugin("fixture.hangs");
        Assert.Equal(PluginState.Unloaded, gone.State);
        Assert.Contains("did not unload", gone.Reason, StringComparison.Ordinal);
        Assert.Contains(engine.Log.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("did not unload", StringComparison.Ordinal));
        var listed = engine.LiveStatus!.Single(p => p.Id == "fixture.hangs");
        Assert.Equal((PluginState.Unloaded, gone.Reason), (listed.State, listed.Reason));
    }
}
