namespace Ict.Engine.Scripting;

/// <summary>One loaded version of a script: the strategy it returned and the collectible context holding its code.</summary>
public sealed class LoadedScript
{
    private readonly ScriptLoadContext _context;

    internal LoadedScript(string id, string path, Ict.Abstractions.IStrategy strategy, ScriptLoadContext context)
    {
        Id = id;
        Path = path;
        Strategy = strategy;
        _context = context;
        Unloaded = new WeakReference(context, trackResurrection: true);
    }

    /// <summary>The script id, <c>script:&lt;name&gt;</c>.</summary>
    public string Id { get; }

    /// <summary>The script's full path.</summary>
    public string Path { get; }

    /// <summary>The strategy the script returned.</summary>
    public Ict.Abstractions.IStrategy Strategy { get; }

    /// <summary>Alive until the context is collected after <see cref="Unload"/> and every reference to its code is gone.</summary>
    public WeakReference Unloaded { get; }

    /// <summary>Starts unloading this version's code (it is collected once nothing references it).</summary>
    public void Unload() => _context.Unload();
}

/// <summary>A script compiled but could not be started: it threw, or did not return an <c>IStrategy</c>.</summary>
public sealed class ScriptLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScriptLoadException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScriptLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScriptLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
