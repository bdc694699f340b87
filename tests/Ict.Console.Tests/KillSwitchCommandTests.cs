using Ict.Console.Tests.Support;
using Ict.Engine.Configuration;
using Ict.Engine.Tests.Support;

namespace Ict.Console.Tests;

public sealed class KillSwitchCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Kill_switch_on_and_off_rewrite_only_the_engaged_flag_of_the_config()
    {
        var config = TestConfigs.ShippedIn(_temp);
        var before = await File.ReadAllTextAsync(config);

        using var on = await IctProcess.RunAsync(_temp.Path, "kill-switch", "on", "--config", config);

        Assert.True(on.ExitCode == 0, on.Stderr);
        Assert.Contains("Kill switch ON", on.Stdout, StringComparison.Ordinal);
        Assert.True(EngineConfig.Load(config, _ => null).Options.KillSwitch.Engaged);
        var after = await File.ReadAllTextAsync(config);
        Assert.Equal(before.Replace("\"engaged\": false", "\"engaged\": true", StringComparison.Ordinal), after);

        using var off = await IctProcess.RunAsync(_temp.Path, "kill-switch", "off", "--config", config);

        Assert.Equal(0, off.ExitCode);
        Assert.Equal(before, await File.ReadAllTextAsync(config));
    }

    [Fact]
    public async Task A_run_with_the_kill_switch_on_refuses_every_signal_with_KillSwitch()
    {
        var config = TestConfigs.ShippedIn(_temp, text => text.Replace("\"engaged\": false", "\"engaged\": true", StringComparison.Ordinal));

        using var ict = await IctProcess.RunAsync(_temp.Path, "run", "--headless", "--config", config);

        Assert.True(ict.ExitCode == 0, ict.Stderr);
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_temp.File("ict.db")};Pooling=False");
        var reasons = Dapper.SqlMapper.Query<string>(db, "SELECT DISTINCT rejection_reason FROM signals").ToList();
        Assert.Equal(["KillSwitch"], reasons);
        Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(db, "SELECT COUNT(*) FROM trades"));
    }
}
