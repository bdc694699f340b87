namespace Ict.Indicators.Smc;

/// <summary>The pandas resample rules <see cref="PreviousHighLow"/> supports.</summary>
public enum SmcTimeFrame
{
    /// <summary>pandas "4h": 4-hour bins from midnight, labelled by their start.</summary>
    FourHours,

    /// <summary>pandas "1D": calendar days, labelled by their start.</summary>
    OneDay,

    /// <summary>pandas "W" (W-SUN): Monday–Sunday weeks, labelled by the <b>Sunday at the end</b>.</summary>
    Week,
}
