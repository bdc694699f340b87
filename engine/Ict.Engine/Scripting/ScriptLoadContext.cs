using System.Reflection;
using System.Runtime.Loader;

namespace Ict.Engine.Scripting;

/// <summary>
/// One collectible load context per compiled script version. A script references only the framework,
/// <c>Ict.Abstractions</c> and <c>Ict.Indicators</c>, so every dependency resolves to the host's copy (the default
/// context): the types a script implements are the engine's own.
/// </summary>
internal sealed class ScriptLoadContext(string scriptId) : AssemblyLoadContext(name: scriptId, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null; // always the host's copy
}
