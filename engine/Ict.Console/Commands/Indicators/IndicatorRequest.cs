namespace Ict.Console.Commands.Indicators;

/// <summary>One <c>ict indicators</c> invocation, with smc's defaults for every parameter not given.</summary>
/// <param name="Name">The indicator: one of <see cref="IndicatorNames.All"/>.</param>
/// <param name="Input">The candle CSV.</param>
/// <param name="Output">The CSV to write.</param>
public sealed record IndicatorRequest(string Name, string Input, string Output)
{
    /// <summary>smc's <c>swing_length</c> (default 50).</summary>
    public int SwingLength { get; init; } = 50;

    /// <summary>smc's <c>close_break</c> (default true).</summary>
    public bool CloseBreak { get; init; } = true;

    /// <summary>smc's <c>close_mitigation</c> (default false).</summary>
    public bool CloseMitigation { get; init; }

    /// <summary>smc's <c>range_percent</c> (default 0.01).</summary>
    public double RangePercent { get; init; } = 0.01;

    /// <summary>smc's <c>join_consecutive</c> (default false).</summary>
    public bool JoinConsecutive { get; init; }

    /// <summary>smc's <c>time_frame</c>: 4h, 1D or W (default 1D).</summary>
    public string TimeFrame { get; init; } = "1D";

    /// <summary>smc's <c>session</c> name, or null when a custom start/end is given.</summary>
    public string? Session { get; init; }

    /// <summary>smc's <c>start_time</c> (HH:MM) for a custom session.</summary>
    public string? Start { get; init; }

    /// <summary>smc's <c>end_time</c> (HH:MM) for a custom session.</summary>
    public string? End { get; init; }

    /// <summary>smc's <c>time_zone</c> (default UTC).</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Write the causal (streaming) version instead of smc's batch output.</summary>
    public bool Causal { get; init; }
}
