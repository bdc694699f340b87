using Serilog.Events;
using Serilog.Formatting;

namespace Ict.Engine.Secrets;

/// <summary>Renders a log event with another formatter, then hides every secret in the text (message and exception).</summary>
public sealed class RedactingFormatter(ITextFormatter inner, SecretRedactor redactor) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(redactor.Redact(buffer.ToString()));
    }
}
