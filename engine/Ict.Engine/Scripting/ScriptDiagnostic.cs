namespace Ict.Engine.Scripting;

/// <summary>One compiler message about a script, located in the <c>.csx</c> file it concerns.</summary>
/// <param name="Path">The file as shown to the user, for example <c>scripts/my_strategy.csx</c>.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Code">The compiler code, for example <c>CS0103</c>.</param>
/// <param name="Message">The compiler message.</param>
public sealed record ScriptDiagnostic(string Path, int Line, int Column, string Severity, string Code, string Message)
{
    /// <summary>True for an error (the script does not load).</summary>
    public bool IsError => Severity == "error";

    /// <summary>The message as compilers print it: <c>path(line,col): severity CODE: message</c>.</summary>
    public override string ToString() => $"{Path}({Line},{Column}): {Severity} {Code}: {Message}";
}
