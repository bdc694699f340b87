using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Ict.Abstractions;
using Ict.Indicators.Patterns;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Ict.Engine.Scripting;

/// <summary>
/// Compiles <c>.csx</c> strategies with Roslyn's scripting front end (for <c>#load</c> and diagnostics), emits them to
/// memory with an embedded PDB, and loads each version into its own collectible <see cref="ScriptLoadContext"/>.
/// It never runs <c>CSharpScript.RunAsync</c>, which loads a non-collectible assembly per call (roslyn#41722).
/// Thread-safe: compiles share one immutable reference set, built once per process.
/// </summary>
public sealed class ScriptCompiler
{
    /// <summary>The namespaces every script sees without a <c>using</c>.</summary>
    public static readonly ImmutableArray<string> Imports =
    [
        "System",
        "System.Collections.Generic",
        "System.Linq",
        "Ict.Abstractions",
        "Ict.Indicators.Patterns",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _directory;
    private readonly string _displayRoot;
    private readonly TimeProvider _time;
    private readonly ScriptCache? _cache;

    /// <summary>Creates a compiler for the scripts in <paramref name="directory"/>.</summary>
    /// <param name="directory">The scripts folder: <c>#load</c> paths resolve from it (and from the loading file).</param>
    /// <param name="displayRoot">Paths in diagnostics are shown relative to this folder when they lie under it; default the current directory.</param>
    /// <param name="time">The clock used to time compiles; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="cacheDirectory">Where compiled scripts are cached by content hash; null for no cache.</param>
    public ScriptCompiler(string directory, string? displayRoot = null, TimeProvider? time = null, string? cacheDirectory = null)
    {
        _cache = cacheDirectory is null ? null : new ScriptCache(cacheDirectory);
        _directory = Path.GetFullPath(directory);
        _displayRoot = Path.GetFullPath(displayRoot ?? System.IO.Directory.GetCurrentDirectory());
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The scripts folder.</summary>
    public string Directory => _directory;

    /// <summary>The id a script runs under: <c>script:&lt;file name without .csx&gt;</c>.</summary>
    public static string IdOf(string path) => "script:" + System.IO.Path.GetFileNameWithoutExtension(path);

    /// <summary>
    /// Builds the reference set and compiles a one-line script on a background thread, so the first real compile
    /// does not pay for loading Roslyn.
    /// </summary>
    public static Task WarmUpAsync(CancellationToken stop = default) => Task.Run(
        () =>
        {
            var script = CSharpScript.Create("new object()", BaseOptions().WithFileEncoding(Encoding.UTF8));
            var compilation = script.GetCompilation();
            using var image = new MemoryStream();
            compilation.Emit(image, cancellationToken: stop);
        },
        stop);

    /// <summary>Compiles the script at <paramref name="path"/> without running it.</summary>
    public CompiledScript Compile(string path, CancellationToken stop = default)
    {
        var started = _time.GetTimestamp();
        var fullPath = System.IO.Path.GetFullPath(path);
        var id = IdOf(fullPath);
        var key = _cache is null ? null : ScriptCache.KeyOf(fullPath, _directory);
        if (key is not null && _cache!.TryRead(key, out var cached, out var cachedType, out var cachedMethod))
        {
            return new CompiledScript(id, fullPath, cached, cachedType, cachedMethod, [], _time.GetElapsedTime(started)) { FromCache = true };
        }

        string code;
        try
        {
            code = File.ReadAllText(fullPath, Encoding.UTF8);
        }
        catch (IOException ex)
        {
            return Failed(id, fullPath, "ICT0001", $"cannot read the script: {ex.Message}", started);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Failed(id, fullPath, "ICT0001", $"cannot read the script: {ex.Message}", started);
        }

        var options = BaseOptions()
            .WithFilePath(fullPath)
            .WithFileEncoding(Encoding.UTF8)
            .WithEmitDebugInformation(true)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, _directory));
        var compilation = CSharpScript.Create(code, options).GetCompilation();
        compilation = compilation.WithOptions(((CSharpCompilationOptions)compilation.Options).WithNullableContextOptions(NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var emit = compilation.Emit(
            image,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            cancellationToken: stop);
        var diagnostics = emit.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(Describe)
            .OrderBy(d => d.IsError ? 0 : 1)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        if (!emit.Success)
        {
            return new CompiledScript(id, fullPath, null, null, null, diagnostics, _time.GetElapsedTime(started));
        }

        var entry = compilation.GetEntryPoint(stop);
        if (entry is null)
        {
            return Failed(id, fullPath, "ICT0002", "the script has no entry point", started);
        }

        var ns = entry.ContainingNamespace.IsGlobalNamespace ? string.Empty : entry.ContainingNamespace.ToDisplayString() + ".";
        var bytes = image.ToArray();
        var entryType = ns + entry.ContainingType.MetadataName;
        if (key is not null && ScriptCache.KeyOf(fullPath, _directory) == key) // not edited while it compiled
        {
            _cache!.Write(key, bytes, entryType, entry.MetadataName);
        }

        return new CompiledScript(id, fullPath, bytes, entryType, entry.MetadataName, diagnostics, _time.GetElapsedTime(started));
    }

    /// <summary>
    /// Loads a compiled script into a fresh collectible context and runs its body, which must end with an
    /// <see cref="IStrategy"/> (the script's last expression).
    /// </summary>
    /// <exception cref="ScriptLoadException">The script threw while it ran, or returned something that is not a strategy.</exception>
    public LoadedScript Load(CompiledScript compiled)
    {
        if (!compiled.Succeeded)
        {
            throw new InvalidOperationException($"{compiled.Id} did not compile");
        }

        var context = new ScriptLoadContext(compiled.Id);
        try
        {
            using var image = new MemoryStream(compiled.Image!, writable: false);
            var assembly = context.LoadFromStream(image);
            var factory = assembly.GetType(compiled.EntryType!, throwOnError: true)!
                .GetMethod(compiled.EntryMethod!, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                ?? throw new ScriptLoadException($"{Display(compiled.Path)}: the script's factory method was not found");

            // Slot 0 holds the globals (none); slot 1 the submission itself.
            var run = (Task<object>)factory.Invoke(null, [new object?[2]])!;
            var result = run.GetAwaiter().GetResult();
            if (result is not IStrategy strategy)
            {
                var what = result is null ? "nothing" : result.GetType().FullName;
                throw new ScriptLoadException($"{Display(compiled.Path)}: the script must end with an expression that is an IStrategy (for example 'new MyStrategy()'), but it returned {what}");
            }

            return new LoadedScript(compiled.Id, compiled.Path, strategy, context);
        }
        catch (Exception ex) when (ex is not ScriptLoadException)
        {
            context.Unload();
            var inner = ex is TargetInvocationException { InnerException: { } thrown } ? thrown : ex;
            throw new ScriptLoadException($"{Display(compiled.Path)}: the script threw while it ran: {inner}", inner);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>The path as shown in diagnostics: relative to the display root with '/' separators when under it.</summary>
    public string Display(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(_displayRoot, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative)
            ? full
            : relative.Replace('\\', '/');
    }

    private static ScriptOptions BaseOptions() => ScriptOptions.Default
        .WithReferences(References.Value)
        .WithImports(Imports)
        .WithOptimizationLevel(OptimizationLevel.Debug)
        .WithAllowUnsafe(false);

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = System.IO.Directory.GetFiles(runtime, "*.dll")
            .Where(IsManaged)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
        var api = new[] { typeof(IStrategy).Assembly.Location, typeof(ObFvgDetector).Assembly.Location }
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
        return [.. framework, .. api];
    }

    private static bool IsManaged(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private CompiledScript Failed(string id, string path, string code, string message, long started) =>
        new(id, path, null, null, null, [new ScriptDiagnostic(Display(path), 1, 1, "error", code, message)], _time.GetElapsedTime(started));

    private ScriptDiagnostic Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? "(script)" : Display(span.Path);
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return new ScriptDiagnostic(
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            severity,
            diagnostic.Id,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
