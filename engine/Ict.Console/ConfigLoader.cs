using Ict.Engine.Configuration;
using Ict.Engine.Secrets;

namespace Ict.Console;

/// <summary>
/// Loads <c>engine.json</c> with <c>${NAME}</c> taken from the environment, else from the secrets file: the one
/// named by <c>ICT_SECRETS_FILE</c>, else <c>secrets.env</c> beside the config (if present, it must be chmod 600).
/// </summary>
internal static class ConfigLoader
{
    public static EngineConfig Load(string configPath)
    {
        var secretsPath = Environment.GetEnvironmentVariable("ICT_SECRETS_FILE") is { Length: > 0 } named
            ? named
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".", "secrets.env");
        return EngineConfig.Load(configPath, SecretsFile.Lookup(secretsPath));
    }

    /// <summary>
    /// Loads the config for a command; on a bad config prints its message (it names the file, line and JSON path) to
    /// standard error and returns false, for the command to exit with <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public static bool TryLoad(string configPath, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EngineConfig? config)
    {
        try
        {
            config = Load(configPath);
            return true;
        }
        catch (ConfigException ex)
        {
            System.Console.Error.WriteLine(ex.Message);
            config = null;
            return false;
        }
    }

    public static SecretRedactor Redactor(EngineConfig config) => new(config.Secrets);
}
