using Ict.Abstractions;

namespace Ict.Engine.Notifications;

/// <summary>
/// One configured notifier. <paramref name="Key"/> names it in the outbox and the logs (the plugin id, then
/// <c>id#2</c>, <c>id#3</c> for repeats); <paramref name="Fingerprint"/> is its config, so a reload keeps an unchanged
/// notifier running and replaces a changed one. <paramref name="Kinds"/> limits what it is sent (null: everything).
/// </summary>
public sealed record NotifierEntry(string Key, INotifier Notifier, string Fingerprint, IReadOnlySet<NotificationKind>? Kinds = null)
{
    public bool Wants(NotificationKind kind) => Kinds is null || Kinds.Contains(kind);
}
