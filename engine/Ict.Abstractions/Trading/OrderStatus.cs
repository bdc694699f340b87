namespace Ict.Abstractions;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    /// <summary>Written to the state store, not yet acknowledged by the venue.</summary>
    Intent = 1,

    /// <summary>Accepted by the venue and working.</summary>
    New = 2,

    /// <summary>Completely filled.</summary>
    Filled = 3,

    /// <summary>Cancelled before it filled.</summary>
    Canceled = 4,

    /// <summary>Refused by the venue.</summary>
    Rejected = 5,

    /// <summary>Expired at the venue.</summary>
    Expired = 6,
}
