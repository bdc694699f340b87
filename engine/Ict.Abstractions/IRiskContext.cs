namespace Ict.Abstractions;

/// <summary>What a risk manager may see while it decides on a signal. Valid only during that call.</summary>
public interface IRiskContext
{
    /// <summary>Engine time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The account's balance, equity and peak.</summary>
    AccountView Account { get; }

    /// <summary>Today's figures (UTC day), kept in the state store across restarts.</summary>
    DailyStatsView Today { get; }

    /// <summary>The open positions.</summary>
    IReadOnlyList<PositionView> Positions { get; }

    /// <summary>The engine's log, tagged with this risk manager's id.</summary>
    IPluginLogger Log { get; }

    /// <summary>The exchange's trading rules for a symbol.</summary>
    /// <param name="symbol">The instrument.</param>
    /// <returns>The rules.</returns>
    InstrumentRules GetRules(Symbol symbol);

    /// <summary>
    /// The symbol's average true range over the last 14 closed candles (Wilder's smoothing), in price units, on the
    /// interval the engine first saw for the symbol; <c>null</c> until 14 candles are known.
    /// </summary>
    /// <param name="symbol">The instrument.</param>
    /// <returns>The ATR, or <c>null</c>.</returns>
    decimal? AverageTrueRange(Symbol symbol) => null;
}
