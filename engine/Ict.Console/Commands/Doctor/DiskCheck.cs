using System.Globalization;

namespace Ict.Console.Commands.Doctor;

/// <summary>Free space, and whether the engine can write there, for the folders it writes to.</summary>
internal static class DiskCheck
{
    public const long FailBelowBytes = 100L * 1024 * 1024;
    public const long WarnBelowBytes = 1024L * 1024 * 1024;

    public static DoctorLine Run(string name, string directory)
    {
        var existing = directory;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        long free;
        try
        {
            free = new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return DoctorLine.Warn(name, $"{directory}: free space unknown ({ex.Message})");
        }

        if (!CanWrite(existing))
        {
            return DoctorLine.Fail(name, $"{existing} is not writable by this user");
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{directory}: {Size(free)} free{(existing == directory ? string.Empty : " (created on first run)")}");
        return free < FailBelowBytes ? DoctorLine.Fail(name, detail + "; the engine needs room for its database and logs")
            : free < WarnBelowBytes ? DoctorLine.Warn(name, detail)
            : DoctorLine.Ok(name, detail);
    }

    private static bool CanWrite(string directory)
    {
        var probe = Path.Combine(directory, $".ict-doctor-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Size(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");
}
