namespace Ict.Engine.Notifications;

/// <summary>How a notifier is doing: healthy, or degraded after failing several attempts in a row.</summary>
public sealed record NotifierHealth(string Key, bool Degraded, int ConsecutiveFailures, long Delivered, long Failed, string? LastError);
