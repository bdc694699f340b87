namespace Ict.Engine.Scripting;

/// <summary>The result of compiling one script: the image to load, or the reasons it has none.</summary>
public sealed class CompiledScript
{
    internal CompiledScript(string id, string path, byte[]? image, string? entryType, string? entryMethod, IReadOnlyList<ScriptDiagnostic> diagnostics, TimeSpan elapsed)
    {
        Id = id;
        Path = path;
        Image = image;
        EntryType = entryType;
        EntryMethod = entryMethod;
        Diagnostics = diagnostics;
        Elapsed = elapsed;
    }

    /// <summary>The script id, <c>script:&lt;file name without .csx&gt;</c>.</summary>
    public string Id { get; }

    /// <summary>The full path of the script.</summary>
    public string Path { get; }

    /// <summary>Errors and warnings, in source order.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>True when the script compiled (it may still have warnings).</summary>
    public bool Succeeded => Image is not null;

    /// <summary>True when the image came from the on-disk cache (no compile ran; warnings are not repeated).</summary>
    public bool FromCache { get; init; }

    /// <summary>How long the compile and emit took.</summary>
    public TimeSpan Elapsed { get; }

    internal byte[]? Image { get; }

    internal string? EntryType { get; }

    internal string? EntryMethod { get; }
}
