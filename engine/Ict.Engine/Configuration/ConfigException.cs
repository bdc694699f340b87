namespace Ict.Engine.Configuration;

/// <summary>A configuration problem a person can fix; the message names the file, the JSON path and the line.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
