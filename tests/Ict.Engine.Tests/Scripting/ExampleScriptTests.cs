using Ict.Abstractions;
using Ict.Engine.Market;
using Ict.Engine.Scripting;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Scripting;

/// <summary>The example scripts in <c>scripts/</c> compile and raise signals over the sample candles.</summary>
public sealed class ExampleScriptTests
{
    [Theory]
    [InlineData("fvg_retrace.csx", "FVG")]
    [InlineData("ob_fvg_confluence.csx", "OB + FVG")]
    public void The_example_raises_signals_on_the_sample_data(string file, string reasonPart)
    {
        var scripts = Path.Combine(RepoPaths.Root, "scripts");
        var compiler = new ScriptCompiler(scripts, RepoPaths.Root);
        var compiled = compiler.Compile(Path.Combine(scripts, file));
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Diagnostics));
        Assert.DoesNotContain(compiled.Diagnostics, d => d.IsError);

        var loaded = compiler.Load(compiled);
        var context = new RecordingContext();
        foreach (var candle in CandleCsvReader.Read(Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv"), new Symbol("BTCUSDT"), Interval.Parse("15m")))
        {
            context.Advance(candle);
            loaded.Strategy.OnCandle(candle, context);
        }

        Assert.True(context.Signals.Count >= 10, $"{file} raised {context.Signals.Count} signals");
        Assert.NotEmpty(context.Patterns);
        Assert.All(context.Signals, s => Assert.Contains(reasonPart, s.Reason, StringComparison.Ordinal));
        Assert.All(context.Signals, s => Assert.True(s.Side == PositionSide.Long ? s.StopLoss < s.EntryPrice && s.TakeProfit > s.EntryPrice : s.StopLoss > s.EntryPrice && s.TakeProfit < s.EntryPrice));
        loaded.Unload();
    }
}

/// <summary>Compile times of an example script, cold (first compile in the process) and warm (written to the test output).</summary>
public sealed class ScriptCompileTimeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void A_warm_compile_takes_well_under_a_second()
    {
        var scripts = Path.Combine(RepoPaths.Root, "scripts");
        var compiler = new ScriptCompiler(scripts, RepoPaths.Root);
        var path = Path.Combine(scripts, "ob_fvg_confluence.csx");

        var first = compiler.Compile(path).Elapsed;
        var warm = Enumerable.Range(0, 5).Select(_ => compiler.Compile(path).Elapsed).Min();

        output.WriteLine($"first compile {first.TotalMilliseconds:F0} ms, warm compile {warm.TotalMilliseconds:F0} ms");
        Assert.True(warm < TimeSpan.FromSeconds(2), $"warm compile took {warm}");
    }
}
