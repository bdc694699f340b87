using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Ict.Abstractions;
using Ict.Engine.Plugins;
using Ict.Engine.Tests.Plugins.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins;

/// <summary>
/// A plugin's native library resolves from its folder's <c>runtimes/&lt;rid&gt;/native</c>: the fixture P/Invokes
/// <c>ictfixturez</c>, a name no system has; the test puts a copy of the system's zlib there under that name.
/// </summary>
[Collection(PluginTestCollection.Name)]
public sealed class NativeLibraryTests : IDisposable
{
    private const string Rid = "linux-x64";
    private static readonly string[] ZlibCandidates = ["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib64/libz.so.1", "/usr/lib64/libz.so.1"];
    private readonly TempDirectory _temp = new();
    private readonly ProbeListener _probe = new();

    public void Dispose()
    {
        _probe.Dispose();
        _temp.Dispose();
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void NativeLibrary_InThePluginsRuntimesFolder_IsFoundThroughTheDepsFileOrTheFolder(bool listedInDepsJson)
    {
        var zlib = SystemZlib();
        var folder = FixturePlugins.CopyTo(FixturePlugins.Native, Path.Combine(_temp.Path, "native"));
        // Listed: in a sub-folder that only the .deps.json names (the host's runtimes/<rid>/native fallback does not look
        // there). Unlisted: directly in runtimes/<rid>/native, found by the fallback.
        var relative = listedInDepsJson ? $"runtimes/{Rid}/native/zlib/libictfixturez.so" : $"runtimes/{Rid}/native/libictfixturez.so";
        var copy = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(zlib, copy);
        if (listedInDepsJson)
        {
            ListNativeAsset(Path.Combine(folder, "Fixture.Native.deps.json"), relative);
        }

        var loaded = PluginFolderLoader.Load(folder, PluginTrust.Open, _ => null)!;
        var descriptor = Assert.Single(loaded.Plugins);
        Assert.Equal(PluginState.Loaded, descriptor.State);
        var strategy = (IStrategy)Activator.CreateInstance(descriptor.Type!)!;

        strategy.OnCandle(new Candle(new Symbol("BTCUSDT"), Interval.Parse("15m"), DateTimeOffset.UnixEpoch, 1, 1, 1, 1, 1), new NullStrategyContext());

        // zlibVersion() returns the version the library file is named after (libz.so.1 -> libz.so.1.2.13 gives "1.2.13").
        Assert.Equal("native:" + VersionFromFileName(zlib), Assert.Single(_probe.Messages));
        Assert.False(NativeLibrary.TryLoad("ictfixturez", out _), "the library must not be findable outside the plugin folder");
        loaded.Unload();
    }

    private static string SystemZlib()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64, "the native-library test runs on Linux x64 only");
        var zlib = ZlibCandidates.FirstOrDefault(File.Exists);
        Skip.If(zlib is null, "no libz.so.1 found in " + string.Join(", ", ZlibCandidates));
        return zlib!;
    }

    private static string VersionFromFileName(string path)
    {
        var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.Name ?? Path.GetFileName(path);
        Skip.IfNot(target.StartsWith("libz.so.", StringComparison.Ordinal) && target.Count(c => c == '.') >= 4, $"cannot read zlib's version from {target}");
        return target["libz.so.".Length..];
    }

    /// <summary>Adds a native asset for <see cref="Rid"/> to the plugin's own library entry, as the SDK writes one.</summary>
    private static void ListNativeAsset(string depsJson, string asset)
    {
        var root = JsonNode.Parse(File.ReadAllText(depsJson))!;
        var target = root["targets"]!.AsObject().Single().Value!.AsObject();
        var library = target.Single(p => p.Key.StartsWith("Fixture.Native/", StringComparison.Ordinal)).Value!.AsObject();
        library["runtimeTargets"] = new JsonObject { [asset] = new JsonObject { ["rid"] = Rid, ["assetType"] = "native" } };
        File.WriteAllText(depsJson, root.ToJsonString());
    }
}
