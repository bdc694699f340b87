namespace Ict.Engine.Tests.Support;

/// <summary>Copies of the shipped engine.json pointed at a temp folder for state and logs.</summary>
internal static class TestConfigs
{
    /// <summary>The shipped config with the database and logs moved into <paramref name="folder"/>; data and plugins stay in the repo.</summary>
    public static string ShippedIn(TempDirectory folder, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "engine.json"))
            .Replace("\"data/BTCUSDT-15m.csv\"", Json(Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv")), StringComparison.Ordinal)
            .Replace("\"artifacts/plugins\"", Json(RepoPaths.Plugins), StringComparison.Ordinal)
            .Replace("\"state/ict.db\"", Json(folder.File("ict.db")), StringComparison.Ordinal)
            .Replace("\"directory\": \"logs\"", "\"directory\": " + Json(folder.File("logs")), StringComparison.Ordinal);
        return folder.Write("engine.json", edit is null ? text : edit(text));
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
