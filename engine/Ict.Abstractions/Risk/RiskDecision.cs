namespace Ict.Abstractions;

/// <summary>A risk manager's answer to an entry signal: a size and leverage, or a typed refusal.</summary>
public sealed record RiskDecision
{
    private RiskDecision(bool isApproved, decimal quantity, int leverage, RejectionReason? reason, string detail)
    {
        IsApproved = isApproved;
        Quantity = quantity;
        Leverage = leverage;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Whether the signal may be traded.</summary>
    public bool IsApproved { get; }

    /// <summary>The approved quantity in base units (0 when rejected).</summary>
    public decimal Quantity { get; }

    /// <summary>The approved leverage (0 when rejected).</summary>
    public int Leverage { get; }

    /// <summary>Why the signal was refused; <c>null</c> when approved.</summary>
    public RejectionReason? Reason { get; }

    /// <summary>The figures behind the decision, for the log and the database.</summary>
    public string Detail { get; }

    /// <summary>Approves a signal.</summary>
    /// <param name="quantity">The quantity in base units; must be positive.</param>
    /// <param name="leverage">The leverage; at least 1.</param>
    /// <param name="detail">The figures behind the size.</param>
    /// <returns>An approval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is not positive or the leverage is below 1.</exception>
    public static RiskDecision Approve(decimal quantity, int leverage = 1, string detail = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfLessThan(leverage, 1);
        return new RiskDecision(true, quantity, leverage, null, detail);
    }

    /// <summary>Refuses a signal with a typed reason.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="detail">The figures behind the refusal, for example <c>loss 310.20 ≥ limit 300.00</c>.</param>
    /// <returns>A rejection.</returns>
    public static RiskDecision Reject(RejectionReason reason, string detail) =>
        new(false, 0m, 0, reason, detail);
}
