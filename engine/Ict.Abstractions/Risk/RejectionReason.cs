namespace Ict.Abstractions;

/// <summary>Why a risk manager (or the engine's own checks) refused an entry signal.</summary>
public enum RejectionReason
{
    /// <summary>Today's loss has reached the daily loss limit.</summary>
    DailyLossLimit = 1,

    /// <summary>Today's trade count has reached its limit.</summary>
    MaxDailyTrades = 2,

    /// <summary>Too many positions are open.</summary>
    MaxConcurrentPositions = 3,

    /// <summary>Equity has fallen too far from its peak.</summary>
    MaxDrawdown = 4,

    /// <summary>A pause after consecutive losses is running.</summary>
    Cooldown = 5,

    /// <summary>The sized order is below the exchange's minimum notional or quantity.</summary>
    MinNotional = 6,

    /// <summary>The kill switch is on.</summary>
    KillSwitch = 7,

    /// <summary>The signal is malformed (stop on the wrong side, non-positive price, ...).</summary>
    InvalidSignal = 8,

    /// <summary>A position is already open on the symbol.</summary>
    PositionAlreadyOpen = 9,

    /// <summary>Not enough free balance for the margin.</summary>
    InsufficientMargin = 10,

    /// <summary>Trading is paused by the operator.</summary>
    TradingPaused = 11,

    /// <summary>Any other reason; the detail says which.</summary>
    Other = 99,
}
