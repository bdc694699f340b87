namespace Ict.Engine.Secrets;

/// <summary>
/// Reads <c>NAME=value</c> lines from a secrets file (blank lines and <c>#</c> comments skipped) so config
/// <c>${NAME}</c> references can come from it when the environment does not set them. On Unix the file must not be
/// readable by group or others (chmod 600).
/// </summary>
public static class SecretsFile
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                throw new Configuration.ConfigException($"{path}: the secrets file is readable by others; run: chmod 600 {path}");
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq].Trim()] = line[(eq + 1)..].Trim().Trim('"');
            }
        }

        return values;
    }

    /// <summary>The environment first, then the secrets file (when it exists).</summary>
    public static Func<string, string?> Lookup(string? path)
    {
        var file = path is not null && File.Exists(path) ? Read(path) : new Dictionary<string, string>();
        return name => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : file.GetValueOrDefault(name);
    }
}
