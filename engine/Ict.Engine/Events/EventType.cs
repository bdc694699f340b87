namespace Ict.Engine.Events;

/// <summary>The engine's event vocabulary (the seed's names), as written to the event journal.</summary>
public enum EventType
{
    CandleClosed,
    GapDetected,
    OrderBlockDetected,
    FvgDetected,
    PatternDetected,
    PatternUpdated,
    EntrySignal,
    SignalRejected,
    OrderPlaced,
    OrderFilled,
    OrderCanceled,
    OrderRejected,
    PositionOpened,
    PositionClosed,
    FundingApplied,
    PluginFaulted,
    Error,

    /// <summary>The kill switch was engaged or released.</summary>
    KillSwitchChanged,

    /// <summary>An operator paused or resumed new entries.</summary>
    TradingPauseChanged,

    /// <summary>The exchange accepted one of our orders (live venues only; paper orders are placed at once).</summary>
    OrderAcknowledged,
}
