using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Plugins.Support;

/// <summary>The fixture plugin builds under artifacts/fixtures, copied where a test needs them.</summary>
internal static class FixturePlugins
{
    public const string V1 = "Fixture.Versioned.V1";
    public const string V2 = "Fixture.Versioned.V2";
    public const string JsonOld = "Fixture.JsonOld";
    public const string JsonNew = "Fixture.JsonNew";
    public const string OwnAbstractions = "Fixture.OwnAbstractions";
    public const string Misbehaving = "Fixture.Misbehaving";
    public const string HotV1 = "Fixture.Hot.V1";
    public const string HotV2 = "Fixture.Hot.V2";
    public const string Native = "Fixture.Native";

    public static string BuiltFolder(string project)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "fixtures", project);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"fixture {project} is not built at {folder}: run dotnet build IctPlugins.sln");
        }

        return folder;
    }

    /// <summary>Copies a fixture build into <paramref name="destination"/> (created or overwritten file by file).</summary>
    public static string CopyTo(string project, string destination)
    {
        var source = BuiltFolder(project);
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return destination;
    }

    /// <summary>The main assembly of a fixture build.</summary>
    public static string MainAssembly(string project) =>
        Directory.GetFiles(BuiltFolder(project), "*.deps.json").Single()[..^".deps.json".Length] + ".dll";
}
