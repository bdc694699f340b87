using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary><c>$.status</c>: how often a running engine publishes its state to the terminal UI and the status views.</summary>
public sealed record StatusOptions
{
    /// <summary>How often the kernel is asked for a fresh snapshot (between two of its inputs).</summary>
    [Range(100, 60_000)]
    public int RefreshMilliseconds { get; init; } = 500;

    /// <summary>Whether a running engine writes <c>status.json</c> beside the state database (read by <c>ict status</c>).</summary>
    public bool File { get; init; } = true;

    /// <summary>At most how often <c>status.json</c> is rewritten (the last snapshot of a run is always written).</summary>
    [Range(200, 300_000)]
    public int FileMilliseconds { get; init; } = 2_000;

    /// <summary>
    /// The Prometheus metrics endpoint's port on 127.0.0.1; unset (the default) serves no metrics, 0 takes any free
    /// port (logged and written to <c>status.json</c>).
    /// </summary>
    [Range(0, 65_535)]
    public int? MetricsPort { get; init; }
}
