namespace Ict.Abstractions;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A position was opened.</summary>
    PositionOpened = 1,

    /// <summary>A position was closed.</summary>
    PositionClosed = 2,

    /// <summary>An entry signal was refused by risk.</summary>
    SignalRejected = 3,

    /// <summary>Something failed.</summary>
    Error = 4,

    /// <summary>General information (start, stop, summaries).</summary>
    Info = 5,

    /// <summary>A test message sent on request.</summary>
    Test = 6,
}
