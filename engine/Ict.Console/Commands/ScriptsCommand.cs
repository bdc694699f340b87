using System.CommandLine;
using Ict.Engine.Scripting;

namespace Ict.Console.Commands;

/// <summary><c>ict scripts check FILE...</c>: compiles <c>.csx</c> strategies without running them.</summary>
internal static class ScriptsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "The .csx scripts to compile.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", """
            Compile scripts without running them. Prints one diagnostic per line as path(line,col): severity CODE: message.
            Exit codes: 0 every file compiled without errors; 1 at least one error.
            """)
        {
            files,
        };
        check.SetAction(parse => Check(parse.GetValue(files)!, System.Console.Out));
        return new Command("scripts", "Work with .csx strategy scripts (see docs/scripts.md).") { check };
    }

    /// <summary>Compiles each file, writes its diagnostics, and returns the exit code.</summary>
    public static int Check(IReadOnlyList<string> files, TextWriter output)
    {
        var failed = false;
        foreach (var file in files)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            var compiled = new ScriptCompiler(directory).Compile(file);
            foreach (var diagnostic in compiled.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            failed |= !compiled.Succeeded;
        }

        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }
}
