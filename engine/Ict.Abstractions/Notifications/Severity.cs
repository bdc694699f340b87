namespace Ict.Abstractions;

/// <summary>How urgent a notification is.</summary>
public enum Severity
{
    /// <summary>For the record.</summary>
    Info = 1,

    /// <summary>Worth a look.</summary>
    Warning = 2,

    /// <summary>Needs attention.</summary>
    Error = 3,
}
