namespace Ict.Risk;

/// <summary>
/// The pause after a losing streak. The risk context shows the streak length (persisted by the engine) but not
/// when the last loss happened, so the pause starts at the first decision that sees a streak of at least the
/// limit, and a further loss in the same streak starts a new pause. After a restart in a streak the pause starts
/// again: the safe side.
/// </summary>
internal sealed class Cooldown
{
    private int _streakSeen;
    private DateTimeOffset _until = DateTimeOffset.MinValue;

    /// <summary>Returns the end of the running pause, or <c>null</c> when trading may go on.</summary>
    public DateTimeOffset? Check(int consecutiveLosses, int limit, TimeSpan length, DateTimeOffset now)
    {
        if (limit <= 0 || consecutiveLosses < limit)
        {
            _streakSeen = 0;
            return null;
        }

        if (consecutiveLosses != _streakSeen)
        {
            _streakSeen = consecutiveLosses;
            _until = now + length;
        }

        return now < _until ? _until : null;
    }
}
