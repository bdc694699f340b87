namespace Ict.Indicators.Smc.Csv;

/// <summary>A candle CSV file could not be read; the message names the file and the 1-based line.</summary>
public sealed class OhlcvFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The 1-based line number (1 is the header).</param>
    /// <param name="reason">What is wrong with the line.</param>
    public OhlcvFormatException(string path, int line, string reason)
        : base($"{path}:{line}: {reason}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }
}
