namespace Ict.Engine.Notifications;

/// <summary>Retries and backoff of one notifier's deliveries.</summary>
public sealed record DeliveryPolicy
{
    /// <summary>The waits between attempts of one message; their count is the number of retries.</summary>
    public IReadOnlyList<TimeSpan> Backoff { get; init; } = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <summary>Failed attempts in a row after which the notifier is marked degraded (one attempt per message until it recovers).</summary>
    public int DegradedAfter { get; init; } = 3;
}
