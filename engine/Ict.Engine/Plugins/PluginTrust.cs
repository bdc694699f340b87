using System.Security.Cryptography;

namespace Ict.Engine.Plugins;

/// <summary>
/// Who may put code into the engine. A plugin directory anyone can write to is refused (any local user could
/// drop code into a trading process), and with an allow-list only assemblies of known SHA-256 hashes load.
/// </summary>
public sealed class PluginTrust(IReadOnlyCollection<string>? allowedSha256 = null)
{
    private readonly HashSet<string>? _allowed = allowedSha256?.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public static PluginTrust Open { get; } = new();

    /// <summary>Null when code may be loaded from <paramref name="directory"/>; otherwise why not.</summary>
    public static string? DirectoryProblem(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(directory);
        return (mode & UnixFileMode.OtherWrite) != 0
            ? $"{directory} is world-writable ({Convert.ToString((int)mode, 8)}): refusing to load plugins from it; run chmod o-w on it"
            : null;
    }

    /// <summary>Null when every assembly in <paramref name="folder"/> is allowed; otherwise the first that is not.</summary>
    public string? AssemblyProblem(string folder)
    {
        if (_allowed is null)
        {
            return null;
        }

        foreach (var file in Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var hash = Sha256(file);
            if (!_allowed.Contains(hash))
            {
                return $"{Path.GetRelativePath(folder, file)} (sha256 {hash}) is not in plugins.allowedSha256";
            }
        }

        return null;
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
