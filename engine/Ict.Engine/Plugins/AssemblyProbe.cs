using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Ict.Engine.Plugins;

/// <summary>
/// Reads an assembly's metadata without loading it. Used to tell a half-written or corrupt file, or a file that is
/// not a .NET assembly, from a good one before a load context is spent on it.
/// </summary>
internal static class AssemblyProbe
{
    /// <summary>Null when <paramref name="path"/> holds complete, readable .NET metadata; otherwise why not.</summary>
    public static string? Problem(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            using var pe = new PEReader(new MemoryStream(bytes));
            if (!pe.HasMetadata)
            {
                return $"{Path.GetFileName(path)} is not a .NET assembly (no CLI metadata)";
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                return $"{Path.GetFileName(path)} is a .NET module, not an assembly";
            }

            _ = reader.GetAssemblyDefinition().GetAssemblyName();
            foreach (var handle in reader.CustomAttributes)
            {
                _ = reader.GetBlobBytes(reader.GetCustomAttribute(handle).Value);
            }

            var end = pe.PEHeaders.SectionHeaders.Select(h => (long)h.PointerToRawData + h.SizeOfRawData).DefaultIfEmpty(0).Max();
            if (bytes.Length < end)
            {
                return $"{Path.GetFileName(path)} is incomplete ({bytes.Length} of {end} bytes): still being written, or truncated";
            }

            return null;
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return $"{Path.GetFileName(path)} is not a readable .NET assembly ({ex.GetType().Name}: {ex.Message})";
        }
    }
}
