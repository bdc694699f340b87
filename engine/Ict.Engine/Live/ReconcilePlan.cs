using Ict.Engine.State;

namespace Ict.Engine.Live;

/// <summary>
/// What start-up reconciliation decided, from the database and the exchange, for the kernel to apply on its thread.
/// Orphans were already cancelled over REST; <see cref="Notes"/> says what was done, for the log.
/// </summary>
internal sealed record ReconcilePlan(string Mode)
{
    /// <summary>Positions open in the database and on the exchange: tracked again.</summary>
    public List<CarriedPosition> Positions { get; } = [];

    /// <summary>Stop-loss and take-profit orders still working on the exchange for those positions.</summary>
    public List<CarriedOrder> WorkingProtection { get; } = [];

    /// <summary>Entries that filled on the exchange while nobody was listening: their fills, then their SL/TP.</summary>
    /// <remarks>The fee is what the exchange charged (from the order's trades); the wallet already paid it.</remarks>
    public List<(CarriedOrder Entry, decimal Quantity, decimal Price, decimal Fee, DateTimeOffset Time)> FilledEntries { get; } = [];

    /// <summary>Entries still working on the exchange.</summary>
    public List<CarriedOrder> WorkingEntries { get; } = [];

    /// <summary>Entry intents that never reached the exchange and are recent enough to send (same client id).</summary>
    public List<CarriedOrder> EntriesToSend { get; } = [];

    /// <summary>Positions whose stop-loss or take-profit fired while the engine was down: closed with that fill.</summary>
    public List<(CarriedPosition Position, CarriedOrder Exit, decimal Quantity, decimal Price, decimal Fee, DateTimeOffset Time)> ClosedWhileAway { get; } = [];

    /// <summary>
    /// Positions gone from the exchange although none of our exits fired (closed by hand, liquidated): recorded as
    /// trades at an estimated exit, the symbol's last closed 1-minute candle.
    /// </summary>
    public List<(CarriedPosition Position, decimal Price, DateTimeOffset Time)> ClosedElsewhere { get; } = [];

    public List<string> Notes { get; } = [];
}
