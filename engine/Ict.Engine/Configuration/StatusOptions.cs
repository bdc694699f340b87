using System.ComponentModel.DataAnnotations;

namespace Ict.Engine.Configuration;

/// <summary><c>$.status</c>: how often a running engine publishes its state to the terminal UI and the status views.</summary>
public sealed record StatusOptions
{
    /// <summary>How often the kernel is asked for a fresh snapshot (between two of its inputs).</summary>
    [Range(100, 60_000)]
    public int RefreshMilliseconds { get; init; } = 500;
}
