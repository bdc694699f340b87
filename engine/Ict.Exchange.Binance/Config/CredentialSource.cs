namespace Ict.Exchange.Binance.Config;

/// <summary>Loads the API key pair from environment variables, else from a secrets file that only its owner can read.</summary>
public static class CredentialSource
{
    public static BinanceCredentials Load(BinanceOptions options, Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var key = getVariable(options.ApiKeyVariable);
        var secret = getVariable(options.ApiSecretVariable);
        if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(secret))
        {
            return new BinanceCredentials(key, secret);
        }

        if (options.SecretsFile is { } path)
        {
            return FromFile(path);
        }

        throw new InvalidOperationException(
            $"No Binance API key: set {options.ApiKeyVariable} and {options.ApiSecretVariable}, or exchange.secretsFile.");
    }

    public static BinanceCredentials FromFile(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException($"The secrets file {path} is readable by others; run chmod 600 on it.");
            }
        }

        string? key = null, secret = null;
        foreach (var line in File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var name = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (name == "api_key")
            {
                key = value;
            }
            else if (name == "api_secret")
            {
                secret = value;
            }
        }

        return key is null || secret is null
            ? throw new InvalidOperationException($"The secrets file {path} needs api_key=... and api_secret=... lines.")
            : new BinanceCredentials(key, secret);
    }
}
