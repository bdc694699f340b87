namespace Ict.Abstractions;

/// <summary>Why a position was closed.</summary>
public enum ExitReason
{
    /// <summary>The stop-loss triggered.</summary>
    StopLoss = 1,

    /// <summary>The take-profit triggered.</summary>
    TakeProfit = 2,

    /// <summary>An operator closed it.</summary>
    Manual = 3,

    /// <summary>The kill switch flattened it.</summary>
    KillSwitch = 4,

    /// <summary>The venue liquidated it.</summary>
    Liquidation = 5,

    /// <summary>A replay or backtest ran out of data and closed it at the last price.</summary>
    EndOfData = 6,
}
