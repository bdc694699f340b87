namespace Ict.Engine.Tests.Support;

/// <summary>Finds the repository root (the folder holding IctPlugins.sln) and the shared data beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> from the repository root; may not exist on a fresh clone.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Plugins => Path.Combine(Root, "artifacts", "plugins");

    public static string SharedFile(string relative) => Path.Combine(SharedData, relative);

    /// <summary>Skips the calling test with a clear message when a shared data file is absent.</summary>
    public static string RequireShared(string relative)
    {
        var path = SharedFile(relative);
        Skip.IfNot(File.Exists(path), $"shared data not found at {path}; place the shared/ folder beside the checkout to run this test");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IctPlugins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IctPlugins.sln not found above " + AppContext.BaseDirectory);
    }
}
