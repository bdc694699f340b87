using Ict.Abstractions;
using Ict.Engine.Scripting;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Scripting;

public sealed class ScriptCompilerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_clean_script_compiles_and_returns_its_strategy()
    {
        var path = Write("ok.csx", """
            public sealed class Quiet : IStrategy
            {
                public void OnCandle(Candle candle, IStrategyContext context) { }
            }

            new Quiet()
            """);
        var compiler = Compiler();

        var compiled = compiler.Compile(path);

        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Diagnostics));
        Assert.Equal("script:ok", compiled.Id);
        var loaded = compiler.Load(compiled);
        Assert.Equal("Quiet", loaded.Strategy.GetType().Name);
        loaded.Unload();
    }

    [Fact]
    public void An_error_is_reported_as_path_line_column_severity_code_message()
    {
        var path = Write("broken.csx", """
            public sealed class Broken : IStrategy
            {
                public void OnCandle(Candle candle, IStrategyContext context)
                {
                    var y = x + 1;
                }
            }

            new Broken()
            """);

        var compiled = Compiler().Compile(path);

        Assert.False(compiled.Succeeded);
        var error = Assert.Single(compiled.Diagnostics, d => d.IsError);
        Assert.Equal("scripts/broken.csx(5,17): error CS0103: The name 'x' does not exist in the current context", error.ToString());
    }

    [Fact]
    public void An_error_in_a_loaded_file_names_that_file()
    {
        Write("lib/helper.csx", """
            static class Helper
            {
                public static int Two() => undefined;
            }
            """);
        var path = Write("uses.csx", """
            #load "lib/helper.csx"
            public sealed class S : IStrategy { public void OnCandle(Candle c, IStrategyContext x) { } }
            new S()
            """);

        var compiled = Compiler().Compile(path);

        var error = Assert.Single(compiled.Diagnostics, d => d.IsError);
        Assert.Equal("scripts/lib/helper.csx", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Equal("CS0103", error.Code);
    }

    [Fact]
    public void A_script_that_does_not_return_a_strategy_is_refused_when_loaded()
    {
        var path = Write("number.csx", "42");
        var compiler = Compiler();
        var compiled = compiler.Compile(path);

        Assert.True(compiled.Succeeded);
        var ex = Assert.Throws<ScriptLoadException>(() => compiler.Load(compiled));
        Assert.Contains("must end with an expression that is an IStrategy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runtime_exception_carries_the_csx_line()
    {
        var path = Write("thrower.csx", """
            public sealed class Thrower : IStrategy
            {
                public void OnCandle(Candle candle, IStrategyContext context)
                {
                    throw new InvalidOperationException("boom");
                }
            }

            new Thrower()
            """);
        var compiler = Compiler();
        var loaded = compiler.Load(compiler.Compile(path));

        var ex = Assert.Throws<InvalidOperationException>(() => loaded.Strategy.OnCandle(null!, null!));

        Assert.Contains("thrower.csx:line 5", ex.StackTrace, StringComparison.Ordinal);
        loaded.Unload();
    }

    [Fact]
    public void An_unloaded_version_is_collected()
    {
        var path = Write("gone.csx", """
            public sealed class Gone : IStrategy { public void OnCandle(Candle c, IStrategyContext x) { } }
            new Gone()
            """);
        var weak = LoadAndUnload(Compiler(), path);

        for (var i = 0; i < 20 && weak.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(weak.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference LoadAndUnload(ScriptCompiler compiler, string path)
    {
        var loaded = compiler.Load(compiler.Compile(path));
        loaded.Strategy.OnCandle(null!, null!);
        loaded.Unload();
        return loaded.Unloaded;
    }

    private ScriptCompiler Compiler() => new(Path.Combine(_dir.Path, "scripts"), displayRoot: _dir.Path);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir.Path, "scripts", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
