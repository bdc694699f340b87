namespace Ict.Engine.Market;

/// <summary>A candle file that cannot be read; the message names the file and the line.</summary>
public sealed class CandleFileException(string message) : Exception(message);
