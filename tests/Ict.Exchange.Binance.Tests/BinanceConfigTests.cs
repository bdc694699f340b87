using Ict.Exchange.Binance.Config;

namespace Ict.Exchange.Binance.Tests;

/// <summary>Modes, base URLs, where keys come from, and that secrets never show.</summary>
public sealed class BinanceConfigTests
{
    private const string Secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string Key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    [Fact]
    public void Binance_Modes_PickTheDemoOrLiveEndpointsUnlessOverridden()
    {
        Assert.Equal("https://demo-fapi.binance.com/", new BinanceOptions { Mode = BinanceMode.Testnet }.EffectiveRestBaseUrl.ToString());
        Assert.Equal("https://fapi.binance.com/", new BinanceOptions { Mode = BinanceMode.Live }.EffectiveRestBaseUrl.ToString());
        Assert.Equal("wss://fstream.binance.com/", new BinanceOptions { Mode = BinanceMode.Live }.EffectiveWsBaseUrl.ToString());
        var fake = new BinanceOptions { Mode = BinanceMode.Testnet, RestBaseUrl = new Uri("http://127.0.0.1:5005"), WsBaseUrl = new Uri("ws://127.0.0.1:5005") };
        Assert.Equal("http://127.0.0.1:5005/", fake.EffectiveRestBaseUrl.ToString());
        Assert.Equal("ws://127.0.0.1:5005/", fake.EffectiveWsBaseUrl.ToString());
        Assert.Empty(fake.Validate());
    }

    [Fact]
    public void Binance_Options_ValidationNamesEveryBadKey()
    {
        var errors = new BinanceOptions { RecvWindowMs = 0, ListenKeyKeepAlive = TimeSpan.FromMinutes(75), WsBaseUrl = new Uri("http://x") }.Validate();

        Assert.Contains(errors, e => e.Contains("recvWindowMs", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("listenKeyKeepAlive", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("wsBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Binance_Credentials_ComeFromEnvironmentVariablesFirst()
    {
        var env = new Dictionary<string, string?> { ["ICT_BINANCE_API_KEY"] = Key, ["ICT_BINANCE_API_SECRET"] = Secret };

        var credentials = CredentialSource.Load(new BinanceOptions { SecretsFile = "/nonexistent" }, name => env.GetValueOrDefault(name));

        Assert.Equal(Key, credentials.ApiKey);
        Assert.Equal(Secret, credentials.ApiSecret);
    }

    [SkippableFact]
    public void Binance_SecretsFile_IsReadOnlyWhenOnlyItsOwnerCanReadIt()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), $"binance-secrets-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(path, $"# test\napi_key={Key}\napi_secret={Secret}\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var ok = CredentialSource.Load(new BinanceOptions { SecretsFile = path }, _ => null);
            Assert.Equal(Secret, ok.ApiSecret);

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var error = Assert.Throws<InvalidOperationException>(() => CredentialSource.Load(new BinanceOptions { SecretsFile = path }, _ => null));
            Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Binance_MissingKeys_FailWithAMessageNamingWhereToPutThem()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CredentialSource.Load(new BinanceOptions(), _ => null));

        Assert.Contains("ICT_BINANCE_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binance_Redaction_HidesKeysSecretsSignaturesAndListenKeys()
    {
        var credentials = new BinanceCredentials(Key, Secret);
        var line = $"GET /fapi/v3/balance?timestamp=1&signature=abc123def key={Key} secret={Secret} wss://x/private/ws?listenKey=pqia91ma&events=A";

        var redacted = Redaction.Redact(line, credentials);

        Assert.DoesNotContain(Key, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123def", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("pqia91ma", redacted, StringComparison.Ordinal);
        Assert.Contains("events=A", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, credentials.ToString(), StringComparison.Ordinal);
    }
}
