using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Console.Tests;

public sealed class ScriptsCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Check_TheExampleScripts_ExitsZero()
    {
        using var ict = await IctProcess.RunAsync(
            RepoPaths.Root, "scripts", "check", Path.Combine("scripts", "fvg_retrace.csx"), Path.Combine("scripts", "ob_fvg_confluence.csx"));

        Assert.True(ict.ExitCode == 0, ict.Stdout + ict.Stderr);
    }

    [Fact]
    public async Task Check_ABrokenScript_ExitsOne_WithOneCompilerStyleDiagnosticPerLine()
    {
        var broken = _temp.Write("broken.csx", "public sealed class Broken : IStrategy\n{\n    public void OnCandle(Candle candle, IStrategyContext context) => x++;\n}\nnew Broken()\n");

        using var ict = await IctProcess.RunAsync(_temp.Path, "scripts", "check", broken);

        Assert.Equal(1, ict.ExitCode);
        Assert.Contains("broken.csx(3,70): error CS0103:", ict.Stdout + ict.Stderr, StringComparison.Ordinal);
    }
}
