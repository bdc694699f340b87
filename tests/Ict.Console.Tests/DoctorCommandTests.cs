using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using FakeBinance;
using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;

namespace Ict.Console.Tests;

public sealed partial class DoctorCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Doctor_OnTheShippedConfigAfterARun_PassesEveryCheck_AndExitsZero()
    {
        var config = TestConfigs.ShippedIn(_temp);
        using (var run = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config))
        {
            Assert.Equal(0, run.ExitCode);
        }

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        Assert.True(doctor.ExitCode == 0, doctor.Stdout + doctor.Stderr);
        var lines = Lines(doctor.Stdout);
        Assert.All(lines, line => Assert.Matches(@"^(ok|warn|fail) +\S.* +\S", line));
        Assert.DoesNotContain(lines, line => line.StartsWith("fail", StringComparison.Ordinal));
        AssertLine(lines, $@"^ok +config +{Regex.Escape(config)}: paper mode");
        AssertLine(lines, $@"^ok +plugin-dir +{Regex.Escape(RepoPaths.Plugins)}: \d+ plugin folder");
        AssertLine(lines, @"^ok +plugin ict\.ob-fvg +strategy ");
        AssertLine(lines, @"^ok +plugin ict\.fixed-fractional +risk ");
        AssertLine(lines, @"^ok +config \$\.strategies\[0\] +ict\.ob-fvg accepts its settings");
        AssertLine(lines, @"^ok +config \$\.risk +ict\.fixed-fractional accepts its settings");
        AssertLine(lines, $@"^ok +database +{Regex.Escape(_temp.File("ict.db"))}: integrity ok, schema v\d+ \(current\)");
        AssertLine(lines, @"^ok +clock +skipped: paper mode");
        AssertLine(lines, $@"^(ok|warn) +disk state +{Regex.Escape(_temp.Path)}: [\d.]+ [MG]iB free");
        AssertLine(lines, $@"^(ok|warn) +disk logs +{Regex.Escape(_temp.File("logs"))}: [\d.]+ [MG]iB free");
    }

    [Fact]
    public async Task Doctor_BeforeTheFirstRun_WarnsThatTheDatabaseIsNotCreatedYet_AndExitsZero()
    {
        var config = TestConfigs.ShippedIn(_temp);

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        Assert.Equal(0, doctor.ExitCode);
        AssertLine(Lines(doctor.Stdout), @"^warn +database +.*not created yet");
        Assert.False(File.Exists(_temp.File("ict.db"))); // the doctor changes nothing
    }

    [Fact]
    public async Task Doctor_WithACorruptDatabase_FailsTheIntegrityCheck_AndExitsOne()
    {
        var config = TestConfigs.ShippedIn(_temp);
        using (var run = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config))
        {
            Assert.Equal(0, run.ExitCode);
        }

        // Scribble over one whole b-tree page (the fourth: a table's root), as a failing disk would.
        await using (var file = new FileStream(_temp.File("ict.db"), FileMode.Open, FileAccess.ReadWrite))
        {
            Assert.True(file.Length > 8 * 4096, $"database only {file.Length} bytes");
            file.Seek(3 * 4096, SeekOrigin.Begin);
            file.Write(Enumerable.Repeat((byte)0xFF, 4096).ToArray());
        }

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        Assert.Equal(1, doctor.ExitCode);
        AssertLine(Lines(doctor.Stdout), @"^fail +database +.*integrity_check failed: .*page 4\b", RegexOptions.IgnoreCase);
    }

    [Fact]
    public async Task Doctor_WarnsOnAnOlderSchema_AndFailsOnANewerOne()
    {
        var config = TestConfigs.ShippedIn(_temp);
        using (var run = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config))
        {
            Assert.Equal(0, run.ExitCode);
        }

        var latest = Execute("SELECT MAX(version) FROM schema_migrations");
        Execute($"DELETE FROM schema_migrations WHERE version = {latest}");
        using (var older = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config))
        {
            Assert.Equal(0, older.ExitCode);
            AssertLine(Lines(older.Stdout), $@"^warn +database +.*integrity ok; schema v{latest - 1}, the next run migrates it to v{latest}$");
        }

        Execute($"INSERT INTO schema_migrations (version, name, applied_wall_utc) SELECT {latest + 1}, 'from the future', applied_wall_utc FROM schema_migrations LIMIT 1");
        using var newer = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);
        Assert.Equal(1, newer.ExitCode);
        AssertLine(Lines(newer.Stdout), $@"^fail +database +.*schema v{latest + 1} is newer than this build knows \(v{latest}\)");
    }

    [Fact]
    public async Task Doctor_WithABadConfig_NamesTheJsonPath_AndExitsOne()
    {
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace("\"slippageBps\": 1", "\"slippageBps\": -5", StringComparison.Ordinal));

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        Assert.Equal(1, doctor.ExitCode);
        AssertLine(Lines(doctor.Stdout), @"^fail +config +engine\.json:\d+: \$\.paper\.slippageBps: must be between");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes; the engine ignores them on Windows
    public async Task Doctor_WithAWorldWritablePluginDirectory_RefusesIt_AndExitsOne()
    {
        var open = Directory.CreateDirectory(_temp.File("open-plugins")).FullName;
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111); // 0777
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            "\"directories\": [ " + Json(RepoPaths.Plugins) + " ]",
            "\"directories\": [ " + Json(RepoPaths.Plugins) + ", " + Json(open) + " ]",
            StringComparison.Ordinal));

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        Assert.Equal(1, doctor.ExitCode);
        AssertLine(Lines(doctor.Stdout), $@"^fail +plugin-dir +{Regex.Escape(open)} is world-writable");
        AssertLine(Lines(doctor.Stdout), $@"^ok +plugin-dir +{Regex.Escape(RepoPaths.Plugins)}:");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes; the engine ignores them on Windows
    public async Task Doctor_WithAWorldWritableDllInsideAPluginFolder_RefusesIt_AndExitsOne()
    {
        var plugins = Directory.CreateDirectory(_temp.File("plugins")).FullName;
        File.SetUnixFileMode(plugins, (UnixFileMode)0b111_101_101); // 0755
        var folder = Directory.CreateDirectory(Path.Combine(plugins, "Ict.Notifiers.Console")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Plugins, "Ict.Notifiers.Console")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var dll = Path.Combine(folder, "Ict.Notifiers.Console.dll");
        File.SetUnixFileMode(dll, File.GetUnixFileMode(dll) | UnixFileMode.OtherWrite);
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            "\"directories\": [ " + Json(RepoPaths.Plugins) + " ]",
            "\"directories\": [ " + Json(RepoPaths.Plugins) + ", " + Json(plugins) + " ]",
            StringComparison.Ordinal));

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        Assert.Equal(1, doctor.ExitCode);
        AssertLine(Lines(doctor.Stdout), $@"^fail +plugin-dir +{Regex.Escape(dll)} is world-writable");
    }

    [Theory]
    [InlineData(0, "ok")]
    [InlineData(3000, "fail")]
    [InlineData(-3000, "fail")]
    public async Task Doctor_AgainstALoopbackBinance_MeasuresTheClockSkew(long skewMs, string expected)
    {
        await using var binance = new FakeBinanceServer();
        await binance.StartAsync();
        binance.Faults.ClockSkewMs = skewMs;
        var config = TestConfigs.ShippedIn(_temp);

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config, "--venue-url", binance.RestUri.ToString());

        var line = Assert.Single(Lines(doctor.Stdout), l => ClockLine().IsMatch(l));
        var match = ClockLine().Match(line);
        Assert.Equal(expected, match.Groups["status"].Value);
        var measured = long.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture) * (match.Groups["dir"].Value == "behind" ? 1 : -1);
        Assert.InRange(measured, skewMs - 500, skewMs + 500);
        Assert.Equal(expected == "fail" ? 1 : 0, doctor.ExitCode);
        Assert.Contains(binance.Requests, r => r.Path == "/fapi/v1/time");
    }

    [Fact]
    public async Task Doctor_InTestnetMode_ChecksTheClockAtTheConfiguredRestBaseUrl()
    {
        await using var binance = new FakeBinanceServer();
        await binance.StartAsync();
        binance.Faults.ClockSkewMs = 3000;
        var config = TestConfigs.ShippedIn(_temp, text => text
            .Replace("\"mode\": \"paper\"", "\"mode\": \"testnet\"", StringComparison.Ordinal)
            .Replace("\"logging\": {", $"\"exchange\": {{ \"restBaseUrl\": \"{binance.RestUri}\" }},\n  \"logging\": {{", StringComparison.Ordinal));

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config);

        var match = ClockLine().Match(Assert.Single(Lines(doctor.Stdout), l => ClockLine().IsMatch(l)));
        Assert.Equal("fail", match.Groups["status"].Value);
        Assert.Contains(binance.Requests, r => r.Path == "/fapi/v1/time");
    }

    [Fact]
    public async Task Doctor_WithAnUnreachableVenue_WarnsAndSkipsTheClock()
    {
        var config = TestConfigs.ShippedIn(_temp);

        using var doctor = await IctProcess.RunAsync(_temp.Path, "doctor", "--config", config, "--venue-url", "http://127.0.0.1:1");

        Assert.Equal(0, doctor.ExitCode);
        AssertLine(Lines(doctor.Stdout), @"^warn +clock +skipped: http://127\.0\.0\.1:1/fapi/v1/time not reachable");
    }

    private long Execute(string sql)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertLine(string[] lines, string pattern, RegexOptions options = RegexOptions.None) =>
        Assert.True(lines.Any(l => Regex.IsMatch(l, pattern, options)), $"no line matches {pattern}:\n{string.Join('\n', lines)}");

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^(?<status>ok|warn|fail) +clock +this machine is (?<ms>\d+) ms (?<dir>behind|ahead of) ")]
    private static partial Regex ClockLine();
}
