namespace Ict.Abstractions;

/// <summary>A log that writes into the engine's log with the plugin's id attached.</summary>
public interface IPluginLogger
{
    /// <summary>Writes an informational line.</summary>
    /// <param name="message">The text to log.</param>
    void Info(string message);

    /// <summary>Writes a warning.</summary>
    /// <param name="message">The text to log.</param>
    void Warning(string message);

    /// <summary>Writes an error.</summary>
    /// <param name="message">The text to log.</param>
    /// <param name="exception">The exception behind it, if any.</param>
    void Error(string message, Exception? exception = null);
}
