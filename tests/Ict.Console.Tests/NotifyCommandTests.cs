using System.Text.Json;
using Ict.Console.Tests.Support;
using Ict.Engine.Tests.Support;
using Ict.Notifiers.Tests.Support;

namespace Ict.Console.Tests;

public sealed class NotifyCommandTests : IAsyncLifetime
{
    private const string Token = "Zq9-webhook-token-never-printed";
    private readonly TempDirectory _temp = new();
    private LoopbackServer _discord = null!;

    public async Task InitializeAsync() => _discord = await LoopbackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _temp.Dispose();
    }

    private string WebhookUrl => new Uri(_discord.BaseUri, $"/api/webhooks/42/{Token}").ToString();

    [Fact]
    public async Task Notify_test_discord_delivers_a_discord_shaped_message_and_never_prints_the_url()
    {
        var config = TestConfigs.ShippedIn(_temp);

        using var ict = await IctProcess.RunWithEnvironmentAsync(_temp.Path, new Dictionary<string, string?> { ["DISCORD_WEBHOOK_URL"] = WebhookUrl },
            "notify", "test", "discord", "--config", config);

        Assert.True(ict.ExitCode == 0, $"exit {ict.ExitCode}\n{ict.Stdout}\n{ict.Stderr}");
        Assert.Contains("discord: delivered", ict.Stdout, StringComparison.Ordinal);
        var request = await _discord.NextAsync();
        Assert.Equal($"/api/webhooks/42/{Token}", request.PathAndQuery);
        var embed = JsonDocument.Parse(request.Body).RootElement.GetProperty("embeds")[0];
        Assert.Equal("ict test message", embed.GetProperty("title").GetString());
        Assert.DoesNotContain(Token, ict.Stdout + ict.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/webhooks", ict.Stdout + ict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_test_exits_one_when_discord_answers_500_and_the_error_hides_the_url()
    {
        _discord.Enqueue(500, """{"message": "boom"}""");
        var config = TestConfigs.ShippedIn(_temp);

        using var ict = await IctProcess.RunWithEnvironmentAsync(_temp.Path, new Dictionary<string, string?> { ["DISCORD_WEBHOOK_URL"] = WebhookUrl },
            "notify", "test", "discord", "--config", config);

        Assert.Equal(1, ict.ExitCode);
        Assert.Contains("discord: failed", ict.Stdout, StringComparison.Ordinal);
        Assert.Contains("500", ict.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ict.Stdout + ict.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_test_discord_without_the_variable_says_it_is_inactive_and_exits_one()
    {
        var config = TestConfigs.ShippedIn(_temp);

        using var ict = await IctProcess.RunWithEnvironmentAsync(_temp.Path, new Dictionary<string, string?> { ["DISCORD_WEBHOOK_URL"] = null },
            "notify", "test", "discord", "--config", config);

        Assert.Equal(1, ict.ExitCode);
        Assert.Contains("inactive", ict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headless_run_with_a_failing_webhook_never_writes_the_secret_to_the_console_or_the_log_files()
    {
        var secretUrl = new Uri(_discord.BaseUri, $"/hooks/{Token}").ToString();
        for (var i = 0; i < 50; i++)
        {
            _discord.Enqueue(500);
        }

        var config = TestConfigs.ShippedIn(_temp, text => text.Replace(
            "{ \"plugin\": \"console\" },",
            "{ \"plugin\": \"console\" }, { \"plugin\": \"webhook\", \"settings\": { \"url\": \"${ICT_TEST_HOOK}\" } },",
            StringComparison.Ordinal));

        using var ict = await IctProcess.RunWithEnvironmentAsync(_temp.Path,
            new Dictionary<string, string?> { ["ICT_TEST_HOOK"] = secretUrl, ["DISCORD_WEBHOOK_URL"] = WebhookUrl },
            "run", "--headless", "--config", config);

        Assert.True(ict.ExitCode == 0, $"exit {ict.ExitCode}\n{ict.Stderr}");
        var logs = string.Concat(Directory.GetFiles(_temp.File("logs"), "*.log").Select(File.ReadAllText));
        Assert.Contains("degraded", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ict.Stdout + ict.Stderr + logs, StringComparison.Ordinal);
    }
}
