using Ict.Engine.State;
using Microsoft.Data.Sqlite;

namespace Ict.Console.Commands.Doctor;

/// <summary>The state database: present, sound (<c>PRAGMA integrity_check</c>) and at this build's schema.</summary>
internal static class DatabaseLine
{
    public static DoctorLine Run(string path)
    {
        const string name = "database";
        if (!File.Exists(path))
        {
            return DoctorLine.Warn(name, $"{path}: not created yet (the first run creates it)");
        }

        DatabaseCheck check;
        try
        {
            check = DatabaseCheck.Inspect(path);
        }
        catch (SqliteException ex)
        {
            return DoctorLine.Fail(name, $"{path}: cannot be read: {ex.Message}");
        }

        if (!check.IsSound)
        {
            var shown = string.Join("; ", check.Integrity.Take(3)) + (check.Integrity.Count > 3 ? $"; … {check.Integrity.Count - 3} more" : string.Empty);
            return DoctorLine.Fail(name, $"{path}: integrity_check failed: {shown}; restore it from a backup");
        }

        if (check.SchemaVersion > check.LatestSchemaVersion)
        {
            return DoctorLine.Fail(name, $"{path}: schema v{check.SchemaVersion} is newer than this build knows (v{check.LatestSchemaVersion}): run a newer ict");
        }

        if (check.SchemaVersion < check.LatestSchemaVersion)
        {
            return DoctorLine.Warn(name, $"{path}: integrity ok; schema v{check.SchemaVersion}, the next run migrates it to v{check.LatestSchemaVersion}");
        }

        return DoctorLine.Ok(name, $"{path}: integrity ok, schema v{check.SchemaVersion} (current), {new FileInfo(path).Length / 1024} KiB");
    }
}
