using Ict.Abstractions;
using Ict.Engine.Plugins;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins;

[Collection(PluginTestCollection.Name)]
public sealed class PluginLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_WhenFolderHoldsAStrategy_ReportsIdKindVersionAndApi()
    {
        FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(("fixture.versioned", PluginKind.Strategy, "1.0.0", PluginApi.Version, PluginState.Loaded),
            (plugin.Id, plugin.Kind, plugin.Version, plugin.ApiVersion, plugin.State));
        Assert.Null(plugin.Reason);
    }

    [Fact]
    public void Load_WhenPluginShipsItsOwnAbstractions_UsesTheHostsTypes()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.OwnAbstractions, _temp.File("own"));
        Assert.True(File.Exists(Path.Combine(folder, "Ict.Abstractions.dll")), "the fixture must ship its own copy for this test to mean anything");

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(PluginState.Loaded, plugin.State);
        Assert.Contains(typeof(IStrategy), plugin.Type!.GetInterfaces());
        using var probe = new ProbeListener();
        var strategy = (IStrategy)Activator.CreateInstance(plugin.Type)!;
        strategy.OnCandle(TestCandles.One(), new NullStrategyContext());
        Assert.Equal("fixture.own-abstractions:BTCUSDT", Assert.Single(probe.Messages));
    }

    [Fact]
    public void Load_WhenTwoPluginsUseDifferentNewtonsoftVersions_EachGetsItsOwn()
    {
        FixturePlugins.CopyTo(FixturePlugins.JsonOld, _temp.File("old"));
        FixturePlugins.CopyTo(FixturePlugins.JsonNew, _temp.File("new"));
        using var probe = new ProbeListener();

        foreach (var plugin in PluginCatalog.Discover([_temp.Path]).Plugins)
        {
            Assert.Equal(PluginState.Loaded, plugin.State);
            ((IStrategy)Activator.CreateInstance(plugin.Type!)!).OnCandle(TestCandles.One(), new NullStrategyContext());
        }

        Assert.Contains("fixture.json-old:13.0.1.25517:{\"close\":42001.0}", probe.Messages);
        Assert.Contains(probe.Messages, m => m.StartsWith("fixture.json-new:13.0.3.", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenDllIsCorrupt_QuarantinesItWithAReason()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));
        var dll = Path.Combine(folder, "Fixture.Versioned.dll");
        var bytes = File.ReadAllBytes(dll);
        bytes.AsSpan(0x80).Fill(0xAB); // keep the DOS stub, wreck the PE headers and everything after
        File.WriteAllBytes(dll, bytes);

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Contains("Fixture.Versioned.dll", plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenDllIsHalfWritten_SaysItIsIncomplete()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));
        var dll = Path.Combine(folder, "Fixture.Versioned.dll");
        var bytes = File.ReadAllBytes(dll);
        File.WriteAllBytes(dll, bytes[..(bytes.Length / 2)]);

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Matches("incomplete|not a readable", plugin.Reason!);
    }

    [Fact]
    public void Load_WhenFileIsNotDotNet_SaysSo()
    {
        _temp.Write("notes/notes.dll", "#!/bin/sh\necho this is not an assembly\n");

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Contains("notes.dll is not", plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAPrivateDependencyIsMissing_NamesIt()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.JsonOld, _temp.File("old"));
        File.Delete(Path.Combine(folder, "Newtonsoft.Json.dll"));

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Contains("missing dependency Newtonsoft.Json 13.0.0.0", plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenTwoFoldersDeclareTheSameId_QuarantinesTheSecond()
    {
        FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("a"));
        FixturePlugins.CopyTo(FixturePlugins.V2, _temp.File("b"));

        var plugins = PluginCatalog.Discover([_temp.Path]).Plugins;

        Assert.Equal(PluginState.Loaded, plugins.Single(p => p.Path.EndsWith('a')).State);
        var second = plugins.Single(p => p.Path.EndsWith('b'));
        Assert.Equal(PluginState.Quarantined, second.State);
        Assert.Contains("already uses the id 'fixture.versioned'", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenBuiltForAnotherApiVersion_SaysWhichVersionItTargetsAndWhichTheHostOffers()
    {
        FixturePlugins.CopyTo(FixturePlugins.Misbehaving, _temp.File("bad"));

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single(p => p.Id == "fixture.wrong-api");

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Equal(99, plugin.ApiVersion);
        Assert.Contains($"built for plugin API v99, but this engine offers v{PluginApi.Version}", plugin.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Load_WhenPluginDirectoryIsWorldWritable_RefusesIt()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
        FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_temp.Path, File.GetUnixFileMode(_temp.Path) | UnixFileMode.OtherWrite);
        }

        var plugin = PluginCatalog.Discover([_temp.Path]).Plugins.Single();

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Contains("world-writable", plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAllowListLacksTheHash_RefusesAndPrintsTheHash()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.V1, _temp.File("versioned"));
        var hash = PluginTrust.Sha256(Path.Combine(folder, "Fixture.Versioned.dll"));

        var refused = PluginCatalog.Discover([_temp.Path], new PluginTrust(["00"])).Plugins.Single();
        var allowed = PluginCatalog.Discover([_temp.Path], new PluginTrust([hash.ToUpperInvariant()])).Plugins.Single();

        Assert.Equal(PluginState.Quarantined, refused.State);
        Assert.Contains(hash, refused.Reason, StringComparison.Ordinal);
        Assert.Equal(PluginState.Loaded, allowed.State);
    }

    [Fact]
    public void Check_WhenFolderIsValid_ListsItsPluginsAndUnloads()
    {
        var folder = FixturePlugins.CopyTo(FixturePlugins.Misbehaving, _temp.File("bad"));

        var plugins = PluginCatalog.Check(folder, PluginTrust.Open)!;

        Assert.Equal(["fixture.hangs", "fixture.throws", "fixture.throws-in-ctor", "fixture.wrong-api"], plugins.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(plugins, p => Assert.Null(p.Type));
    }
}
