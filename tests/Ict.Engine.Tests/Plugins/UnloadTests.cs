using System.Runtime.CompilerServices;
using Ict.Abstractions;
using Ict.Engine.Plugins;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins;

[Collection(PluginTestCollection.Name)]
public sealed class UnloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unload_WhenNothingHoldsThePlugin_TheContextIsCollected()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));
        using var probe = new ProbeListener();

        var context = LoadRunAndUnload(folder);

        Assert.Single(probe.Messages);
        Assert.True(UnloadVerifier.IsCollected(context), "the plugin's load context should be collected once unloaded");
    }

    [Fact]
    public void Unload_WhenTheHostStillHoldsAnInstance_IsReportedAsNotCollected()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));

        var context = LoadAndUnloadKeeping(folder, out var kept);

        Assert.False(UnloadVerifier.IsCollected(context, attempts: 3));
        GC.KeepAlive(kept);
    }

    [Fact]
    public void Load_WhenTheFilesAreOverwrittenWhileLoaded_NothingIsLocked()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));
        var loaded = PluginFolderLoader.Load(folder, PluginTrust.Open, _ => null)!;

        FixturePlugins.CopyTo(FixturePlugins.V2, folder);
        File.Delete(Path.Combine(folder, "Fixture.Versioned.dll"));

        Assert.Equal("1.0.0", loaded.Plugins.Single().Version);
        loaded.Unload();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference? LoadRunAndUnload(string folder)
    {
        var loaded = PluginFolderLoader.Load(folder, PluginTrust.Open, _ => null)!;
        var strategy = (IStrategy)Activator.CreateInstance(loaded.Plugins.Single().Type!)!;
        strategy.OnCandle(TestCandles.One(), new NullStrategyContext());
        return loaded.Unload();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference? LoadAndUnloadKeeping(string folder, out object kept)
    {
        var loaded = PluginFolderLoader.Load(folder, PluginTrust.Open, _ => null)!;
        kept = Activator.CreateInstance(loaded.Plugins.Single().Type!)!;
        return loaded.Unload();
    }
}
