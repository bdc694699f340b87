namespace Ict.Abstractions;

/// <summary>The smart-money pattern kinds the engine records.</summary>
public enum PatternKind
{
    /// <summary>An order block: the last opposite candle before a strong move.</summary>
    OrderBlock = 1,

    /// <summary>A fair value gap: a three-candle imbalance.</summary>
    FairValueGap = 2,

    /// <summary>A confirmed swing high or low.</summary>
    SwingPoint = 3,

    /// <summary>A break of structure.</summary>
    BreakOfStructure = 4,

    /// <summary>A change of character.</summary>
    ChangeOfCharacter = 5,

    /// <summary>A sweep of resting liquidity.</summary>
    LiquiditySweep = 6,
}
