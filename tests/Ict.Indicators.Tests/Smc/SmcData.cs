using Ict.Indicators.Smc;
using Ict.Indicators.Smc.Csv;

namespace Ict.Indicators.Tests.Smc;

/// <summary>The smc golden files in ../shared/data/smc beside the checkout; tests skip when they are absent.</summary>
internal static class SmcData
{
    private static readonly Lazy<OhlcvSeries> Eurusd = new(() => OhlcvCsvReader.ReadFile(PathOf("EURUSD_15M.csv")));
    private static readonly Lazy<SwingResult> Swings5 = new(() => SwingHighsLows.Compute(Eurusd.Value, 5));

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "data", "smc"));

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>Skips the test unless the file is there, and returns its path.</summary>
    public static string Require(string file)
    {
        var path = PathOf(file);
        Skip.IfNot(File.Exists(path), $"shared data not found at {path}; place the shared/ folder beside the checkout to run this test");
        return path;
    }

    public static OhlcvSeries Input()
    {
        Require("EURUSD_15M.csv");
        return Eurusd.Value;
    }

    public static SwingResult Swings() => Input() is not null ? Swings5.Value : throw new InvalidOperationException();

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
