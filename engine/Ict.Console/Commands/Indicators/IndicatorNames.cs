namespace Ict.Console.Commands.Indicators;

/// <summary>The indicator names <c>ict indicators</c> accepts.</summary>
public static class IndicatorNames
{
    /// <summary>smc.fvg.</summary>
    public const string Fvg = "fvg";

    /// <summary>smc.swing_highs_lows.</summary>
    public const string SwingHighsLows = "swing-highs-lows";

    /// <summary>smc.bos_choch.</summary>
    public const string BosChoch = "bos-choch";

    /// <summary>smc.ob.</summary>
    public const string Ob = "ob";

    /// <summary>smc.liquidity.</summary>
    public const string Liquidity = "liquidity";

    /// <summary>smc.previous_high_low.</summary>
    public const string PreviousHighLow = "previous-high-low";

    /// <summary>smc.sessions.</summary>
    public const string Sessions = "sessions";

    /// <summary>smc.retracements.</summary>
    public const string Retracements = "retracements";

    /// <summary>Every name, in the order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Fvg, SwingHighsLows, BosChoch, Ob, Liquidity, PreviousHighLow, Sessions, Retracements];
}
