using System.Text.Json;
using Ict.Engine.Configuration;
using Ict.Engine.Tests.Support;

namespace Ict.Engine.Tests.Notifications;

/// <summary>Editing the notifiers in engine.json reaches a running engine without a restart.</summary>
public sealed class LiveNotifierSwapTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ListSink _logs = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Adding_and_removing_notifiers_in_engine_json_is_applied_to_a_running_engine()
    {
        var path = WriteConfig("""[ { "plugin": "console" } ]""");
        var log = new Serilog.LoggerConfiguration().WriteTo.Sink(_logs).CreateLogger();
        await using var host = EngineHost.Create(EngineConfig.Load(path, _ => null), log, reload: p => EngineConfig.Load(p, _ => null));
        host.StartWatchingConfig();
        Assert.Equal(["console"], host.Notifications.Keys);

        WriteConfig("""[ { "plugin": "console" }, { "plugin": "webhook", "settings": { "url": "http://127.0.0.1:9/hook" } }, { "plugin": "discord", "settings": { "webhookUrl": "${DISCORD_WEBHOOK_URL}" } } ]""");
        Assert.Equal("applied", await NextOutcomeAsync(host));
        Assert.Equal(["console", "webhook"], host.Notifications.Keys);
        Assert.Contains(_logs.Lines, l => l.Contains("\"discord\" is inactive: its \"webhookUrl\" is empty", StringComparison.Ordinal));

        WriteConfig("""[ { "plugin": "webhook", "settings": { "url": "http://127.0.0.1:9/hook" } } ]""");
        Assert.Equal("applied", await NextOutcomeAsync(host));
        Assert.Equal(["webhook"], host.Notifications.Keys);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_running_notifiers()
    {
        var path = WriteConfig("""[ { "plugin": "console" } ]""");
        var log = new Serilog.LoggerConfiguration().WriteTo.Sink(_logs).CreateLogger();
        await using var host = EngineHost.Create(EngineConfig.Load(path, _ => null), log, reload: p => EngineConfig.Load(p, _ => null));
        host.StartWatchingConfig();

        WriteConfig("""[ { "plugin": "console", "settings": { "colour": true } } ]""");

        Assert.StartsWith("rejected:", await NextOutcomeAsync(host), StringComparison.Ordinal);
        Assert.Equal(["console"], host.Notifications.Keys);
    }

    [Fact]
    public async Task Engaging_the_kill_switch_in_engine_json_reaches_the_kernel_of_a_running_engine()
    {
        var path = WriteConfig("""[ { "plugin": "console" } ]""");
        var log = new Serilog.LoggerConfiguration().WriteTo.Sink(_logs).CreateLogger();
        await using var host = EngineHost.Create(EngineConfig.Load(path, _ => null), log, reload: p => EngineConfig.Load(p, _ => null));
        host.StartWatchingConfig();

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"engaged\": false", "\"engaged\": true", StringComparison.Ordinal));
        Assert.Equal("applied", await NextOutcomeAsync(host));
        var summary = await host.RunAsync(CancellationToken.None);

        Assert.Equal(0, summary.Trades);
        Assert.True(summary.Signals > 0);
        Assert.Equal(summary.Signals, summary.RejectedSignals);
        Assert.Contains(_logs.Lines, l => l.Contains("Kill switch \"ENGAGED", StringComparison.Ordinal));
    }

    private static async Task<string> NextOutcomeAsync(EngineHost host)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var outcome = await host.ConfigWatcher!.Outcomes.Reader.ReadAsync(cts.Token);
            if (outcome != "unchanged")
            {
                return outcome;
            }
        }
    }

    private string WriteConfig(string notifiers)
    {
        var data = JsonSerializer.Serialize(Path.Combine(RepoPaths.Root, "data", "BTCUSDT-15m.csv"));
        var plugins = JsonSerializer.Serialize(RepoPaths.Plugins);
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "engine.json"))
            .Replace("\"data/BTCUSDT-15m.csv\"", data, StringComparison.Ordinal)
            .Replace("[ \"artifacts/plugins\" ]", $"[ {plugins} ]", StringComparison.Ordinal)
            .Replace("\"state/ict.db\"", JsonSerializer.Serialize(_temp.File("state.db")), StringComparison.Ordinal)
            .Replace("\"logs\"", JsonSerializer.Serialize(_temp.File("logs")), StringComparison.Ordinal);
        var start = text.IndexOf("\"notifiers\": [", StringComparison.Ordinal);
        var end = text.IndexOf("\n  ]", start, StringComparison.Ordinal) + 4; // the array's closing bracket, at the top level's indent
        text = text[..start] + "\"notifiers\": " + notifiers + text[end..];
        return _temp.Write("engine.json", text);
    }
}
