using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ict.Abstractions;

namespace Ict.Engine.Scripting;

/// <summary>
/// Compiled scripts on disk, keyed by the SHA-256 of the plugin API version, the compiler's package version, the
/// script and every file it <c>#load</c>s (found by reading the directives, recursively). An unchanged script loads
/// from the cache after a restart without invoking Roslyn. Entries are written atomically (temp file + move); a
/// corrupt or missing entry is a miss.
/// </summary>
internal sealed partial class ScriptCache(string directory)
{
    private static readonly string CompilerVersion = typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version?.ToString() ?? "?";

    /// <summary>The key of the script at <paramref name="path"/> as its files are now, or null when one cannot be read.</summary>
    public static string? KeyOf(string path, string scriptsDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"api {PluginApi.Version}; roslyn {CompilerVersion}\n"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([Path.GetFullPath(path)]);
        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(bytes);
            foreach (Match load in LoadDirective().Matches(Encoding.UTF8.GetString(bytes)))
            {
                var relative = load.Groups[1].Value;
                var fromFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, relative));
                pending.Enqueue(File.Exists(fromFile) ? fromFile : Path.GetFullPath(Path.Combine(scriptsDirectory, relative)));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public bool TryRead(string key, out byte[] image, out string entryType, out string entryMethod)
    {
        image = [];
        entryType = entryMethod = string.Empty;
        var dll = Path.Combine(directory, key + ".dll");
        var entry = Path.Combine(directory, key + ".entry");
        try
        {
            if (!File.Exists(dll) || !File.Exists(entry))
            {
                return false;
            }

            var lines = File.ReadAllLines(entry);
            if (lines.Length != 2)
            {
                return false;
            }

            image = File.ReadAllBytes(dll);
            (entryType, entryMethod) = (lines[0], lines[1]);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Write(string key, byte[] image, string entryType, string entryMethod)
    {
        try
        {
            Directory.CreateDirectory(directory);
            WriteAtomically(Path.Combine(directory, key + ".dll"), image);
            WriteAtomically(Path.Combine(directory, key + ".entry"), Encoding.UTF8.GetBytes(entryType + "\n" + entryMethod + "\n"));
        }
        catch (IOException)
        {
            // the cache is an optimisation: a failed write only costs a compile next time
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    [GeneratedRegex("""^\s*#load\s+"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex LoadDirective();
}
