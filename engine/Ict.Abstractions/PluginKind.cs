namespace Ict.Abstractions;

/// <summary>What a plugin does for the engine.</summary>
public enum PluginKind
{
    /// <summary>Reads closed candles and raises entry signals (<see cref="IStrategy"/>).</summary>
    Strategy = 1,

    /// <summary>Sizes or refuses entry signals (<see cref="IRiskManager"/>).</summary>
    Risk = 2,

    /// <summary>Delivers notifications to people (<see cref="INotifier"/>).</summary>
    Notifier = 3,
}
