using Ict.Engine.Configuration;
using Ict.Engine.Secrets;
using Ict.Engine.Tests.Support;
using Serilog.Formatting.Display;

namespace Ict.Engine.Tests.Secrets;

public sealed class RedactionTests : IDisposable
{
    private const string Url = "https://discord.com/api/webhooks/123/abcDEF-secret-token";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_log_line_and_its_exception_never_show_a_secret()
    {
        var redactor = new SecretRedactor([Url]);
        var events = new CapturingSink();
        var log = new Serilog.LoggerConfiguration().WriteTo.Sink(events).CreateLogger();
        log.Error(new HttpRequestException($"POST {Url} failed"), "Could not post to {Url}", Url);

        var formatter = new RedactingFormatter(new MessageTemplateTextFormatter("{Message:lj}{NewLine}{Exception}", null), redactor);
        using var output = new StringWriter();
        formatter.Format(events.Events.Single(), output);

        Assert.DoesNotContain("abcDEF-secret-token", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Could not post to ***", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("POST *** failed", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_with_quotes_and_backslashes_is_hidden_in_a_JSON_log_line_too()
    {
        const string secret = "tok\"en\\with+quote";
        var redactor = new SecretRedactor([secret]);
        var events = new CapturingSink();
        var log = new Serilog.LoggerConfiguration().WriteTo.Sink(events).CreateLogger();
        log.Warning(new InvalidOperationException($"bad token {secret}"), "Token {Token} refused", secret);

        var formatter = new RedactingFormatter(new Serilog.Formatting.Json.JsonFormatter(renderMessage: true), redactor);
        using var output = new StringWriter();
        formatter.Format(events.Events.Single(), output);
        var line = output.ToString();

        Assert.DoesNotContain("with+quote", line, StringComparison.Ordinal);
        Assert.DoesNotContain("with\\u002Bquote", line, StringComparison.Ordinal);
        Assert.Contains("***", line, StringComparison.Ordinal);
        Assert.Equal("a *** b", redactor.Redact(System.Text.Json.JsonSerializer.Serialize($"a {secret} b")).Trim('"'));
    }

    [Fact]
    public void Environment_values_used_by_the_config_are_collected_as_secrets()
    {
        var secrets = new HashSet<string>();
        EnvironmentSubstitution.Apply("""{ "a": "${HOOK}", "b": "${UNSET:-fallback}" }""", name => name == "HOOK" ? Url : null, secrets);

        Assert.Equal([Url], secrets);
        Assert.Equal("see ***", new SecretRedactor(secrets).Redact($"see {Url}"));
    }

    [Fact]
    public void The_secrets_file_feeds_the_config_and_must_not_be_readable_by_others()
    {
        var file = _temp.Write("secrets.env", "# comment\nDISCORD_WEBHOOK_URL=" + Url + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            Assert.Throws<ConfigException>(() => SecretsFile.Read(file));
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Assert.Equal(Url, SecretsFile.Read(file)["DISCORD_WEBHOOK_URL"]);
    }

    private sealed class CapturingSink : Serilog.Core.ILogEventSink
    {
        public List<Serilog.Events.LogEvent> Events { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Add(logEvent);
    }
}
