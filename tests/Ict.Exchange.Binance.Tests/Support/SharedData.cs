namespace Ict.Exchange.Binance.Tests.Support;

/// <summary>Finds ../shared/data beside the repository; tests that need it skip when it is absent.</summary>
internal static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string Folder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string RequireFolder(string relative)
    {
        var path = Path.Combine(Folder, relative);
        Skip.IfNot(Directory.Exists(path), $"shared data not found at {path}; place the shared/ folder beside the checkout to run this test");
        return path;
    }

    public static string RequireFile(string relative)
    {
        var path = Path.Combine(Folder, relative);
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
