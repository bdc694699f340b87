namespace Ict.Abstractions;

/// <summary>A message for people, with the structured trade data behind it when there is some.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Message">The text.</param>
/// <param name="Time">Engine time it was raised.</param>
public sealed record Notification(
    NotificationKind Kind,
    Severity Severity,
    string Title,
    string Message,
    DateTimeOffset Time)
{
    /// <summary>The position, for <see cref="NotificationKind.PositionOpened"/>.</summary>
    public PositionView? Position { get; init; }

    /// <summary>The closed trade, for <see cref="NotificationKind.PositionClosed"/>.</summary>
    public TradeView? Trade { get; init; }
}
