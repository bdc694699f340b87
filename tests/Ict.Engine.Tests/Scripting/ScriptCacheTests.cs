using Ict.Engine.Scripting;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Scripting;

public sealed class ScriptCacheTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_unchanged_script_loads_from_the_cache_and_a_changed_load_file_recompiles()
    {
        var scripts = Path.Combine(_dir.Path, "scripts");
        Directory.CreateDirectory(Path.Combine(scripts, "lib"));
        var helper = Path.Combine(scripts, "lib", "name.csx");
        File.WriteAllText(helper, "static class Naming { public static string Of() => \"one\"; }");
        var path = Path.Combine(scripts, "cached.csx");
        File.WriteAllText(path, """
            #load "lib/name.csx"
            public sealed class Cached : IStrategy
            {
                public string Name => Naming.Of();
                public void OnCandle(Candle c, IStrategyContext x) { }
            }
            new Cached()
            """);
        var cache = Path.Combine(_dir.Path, "cache");

        var first = new ScriptCompiler(scripts, _dir.Path, cacheDirectory: cache).Compile(path);
        var restarted = new ScriptCompiler(scripts, _dir.Path, cacheDirectory: cache);
        var second = restarted.Compile(path);

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        output.WriteLine($"compile {first.Elapsed.TotalMilliseconds:F1} ms, from cache {second.Elapsed.TotalMilliseconds:F1} ms");
        var loaded = restarted.Load(second);
        Assert.Equal("one", loaded.Strategy.GetType().GetProperty("Name")!.GetValue(loaded.Strategy));
        loaded.Unload();

        File.WriteAllText(helper, "static class Naming { public static string Of() => \"two\"; }");
        var third = restarted.Compile(path);

        Assert.False(third.FromCache);
        var reloaded = restarted.Load(third);
        Assert.Equal("two", reloaded.Strategy.GetType().GetProperty("Name")!.GetValue(reloaded.Strategy));
        reloaded.Unload();
    }
}
