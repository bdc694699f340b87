using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ict.Engine.Status;

/// <summary>
/// <c>status.json</c> beside the state database: rewritten atomically (a temp file, then a rename) from the engine's
/// snapshots, at most every <c>$.status.fileMilliseconds</c>, and once more when the run ends. Readers never see a
/// half-written file.
/// </summary>
public sealed class StatusFile
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly int _pid = Environment.ProcessId;
    private readonly DateTimeOffset? _processStartedAt = ProcessStartTime(Environment.ProcessId);
    private long? _lastWrite;
    private bool _finished;
    private bool _written;

    /// <summary>Raised once, after the first successful write.</summary>
    public event Action<string>? FirstWritten;

    public StatusFile(string path, TimeSpan interval, TimeProvider time)
    {
        Path = path;
        _interval = interval;
        _time = time;
    }

    public string Path { get; }

    /// <summary>The metrics endpoint's address, written into the file once known.</summary>
    public string? MetricsUrl { get; set; }

    /// <summary>Where an engine whose database is <paramref name="databasePath"/> writes its status.</summary>
    public static string PathFor(string databasePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath))!, "status.json");

    /// <summary>Writes the snapshot unless the last write is more recent than the interval (a handler for SnapshotPublished).</summary>
    public void Observe(EngineSnapshot snapshot)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_finished || (_lastWrite is { } last && _time.GetElapsedTime(last, now) < _interval))
            {
                return;
            }

            _lastWrite = now;
            Write(snapshot, "running");
        }
    }

    /// <summary>Writes the run's last snapshot as <c>stopped</c>; later snapshots are ignored.</summary>
    public void Finish(EngineSnapshot snapshot)
    {
        lock (_gate)
        {
            _finished = true;
            Write(snapshot, "stopped");
        }
    }

    /// <summary>The file's content; null when there is none or it cannot be read.</summary>
    public static StatusDocument? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<StatusDocument>(File.ReadAllText(path), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Whether the process that wrote <paramref name="status"/> is still alive (and is not a reused pid).</summary>
    public static bool IsWriterAlive(StatusDocument status)
    {
        var started = ProcessStartTime(status.Pid);
        if (started is null)
        {
            return false;
        }

        return status.ProcessStartedAt is not { } recorded || (started.Value - recorded).Duration() < TimeSpan.FromSeconds(2);
    }

    private void Write(EngineSnapshot snapshot, string state)
    {
        var document = StatusDocument.From(snapshot, state, _pid, _processStartedAt, (int)_interval.TotalMilliseconds, MetricsUrl);
        var temp = Path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(document, Json));
        File.Move(temp, Path, overwrite: true);
        if (!_written)
        {
            _written = true;
            FirstWritten?.Invoke(Path);
        }
    }

    /// <summary>A killed process its parent has not reaped yet still has a pid, but it is not an engine any more.</summary>
    private static bool IsZombie(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!OperatingSystem.IsLinux() || !File.Exists(stat))
        {
            return false;
        }

        try
        {
            var text = File.ReadAllText(stat);
            var afterName = text.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < text.Length && text[afterName + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static DateTimeOffset? ProcessStartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || IsZombie(pid) ? null : new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
