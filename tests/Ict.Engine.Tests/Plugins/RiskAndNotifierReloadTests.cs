using Ict.Engine.Plugins;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins;

/// <summary>
/// A new build of the risk manager and notifier in use, copied over a running engine: the risk manager is swapped between
/// two kernel inputs (state handed over), the notifier in the dispatcher, and the old build's context is collected.
/// </summary>
[Collection(PluginTestCollection.Name)]
public sealed class RiskAndNotifierReloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ProbeListener _probe = new();

    public void Dispose()
    {
        _probe.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Reload_WhenANewBuildOfTheRiskManagerAndNotifierIsCopiedOver_TheNextSignalUsesBoth()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.HotV1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "hot"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.hot-signal"], risk: "fixture.hot-risk", notifiers: ["fixture.hot-notifier"]);
        await engine.FeedAsync();
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v1-risk:2");
        await _probe.WaitForAsync(m => m.StartsWith("v1-notify:SignalRejected:", StringComparison.Ordinal) && m.Contains("refused by v1", StringComparison.Ordinal));

        FixturePlugins.CopyTo(FixturePlugins.HotV2, folder);
        await engine.Log.WaitForAsync("fixture.hot-risk 2.0.0 (Risk) reloaded");
        await engine.FeedAsync();

        // v1 was asked twice; v2 took its count over and was asked the third time. Its refusal reached v2's notifier.
        await _probe.WaitForAsync(m => m == "v2-risk:3");
        await _probe.WaitForAsync(m => m.StartsWith("v2-notify:SignalRejected:", StringComparison.Ordinal) && m.Contains("refused by v2", StringComparison.Ordinal));
        Assert.DoesNotContain(_probe.Messages, m => m is "v1-risk:3" || (m.StartsWith("v1-notify:", StringComparison.Ordinal) && m.Contains("refused by v2", StringComparison.Ordinal)));
        Assert.Equal(("2.0.0", PluginState.Loaded), (engine.Plugin("fixture.hot-notifier").Version, engine.Plugin("fixture.hot-notifier").State));

        // The old build (its risk manager and notifier) is let go of: its load context is collected, not leaked.
        var verdict = await engine.Log.WaitForAsync("replaced by a new build");
        Assert.Contains("unloaded and collected (replaced by a new build)", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_WhenANewBuildOfTheRiskManagerIsCopiedOver_SwapsItBetweenInputsAndTheOldContextUnloads()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.HotV1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "hot"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.hot-signal"], risk: "fixture.hot-risk");
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v1-risk:1");

        FixturePlugins.CopyTo(FixturePlugins.HotV2, folder);
        await engine.Log.WaitForAsync("fixture.hot-risk 2.0.0 (Risk) reloaded");
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m == "v2-risk:2");
        await engine.Log.WaitForAsync("unloaded and collected (replaced by a new build)");
    }

    [Fact]
    public async Task Reload_WhenTheNewBuildLacksTheRiskManagerInUse_KeepsTheRunningVersion()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.HotV1, Path.Combine(RunningEngine.PluginDirectoryOf(_temp), "hot"));
        await using var engine = RunningEngine.Start(_temp, ["fixture.hot-signal"], risk: "fixture.hot-risk", watch: false);
        await engine.FeedAsync();
        await _probe.WaitForAsync(m => m == "v1-risk:1");

        // Replace the folder's content by a plugin that has no risk manager.
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Delete(file);
        }

        FixturePlugins.CopyTo(FixturePlugins.V1, folder);
        await engine.ApplyChangeAsync(folder);
        await engine.FeedAsync();

        await _probe.WaitForAsync(m => m == "v1-risk:2");
        await engine.Log.WaitForAsync("does not bring fixture.hot-risk, which the engine uses: the running version stays");
    }
}
