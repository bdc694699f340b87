using Ict.Engine.Secrets;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Ict.Console.Tui;

/// <summary>
/// The Log pane's source: a Serilog sink keeping the last lines in memory, formatted (and so redacted) by the same
/// formatter as the console output. Lines written to the console by others while the UI is live (a console notifier)
/// land here too, through <see cref="Append"/>. Written from any thread; the UI reads copies.
/// </summary>
internal sealed class LogRing(ITextFormatter formatter, SecretRedactor redactor, int capacity = 2000) : ILogEventSink
{
    private readonly Lock _gate = new();
    private readonly Queue<string> _lines = new(capacity);
    private long _version;

    /// <summary>Grows with every line; the UI redraws when it changed.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        formatter.Format(logEvent, text);
        Add(text.ToString());
    }

    /// <summary>Adds text written outside the logger, redacted like the log lines.</summary>
    public void Append(string text) => Add(redactor.Redact(text));

    /// <summary>The newest <paramref name="count"/> lines containing <paramref name="filter"/> (any case), oldest first.</summary>
    public IReadOnlyList<string> Tail(int count, string? filter = null)
    {
        var tail = new List<string>(Math.Max(0, count));
        if (count <= 0)
        {
            return tail;
        }

        lock (_gate)
        {
            foreach (var line in _lines.Reverse())
            {
                if (filter is null || line.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    tail.Add(line);
                    if (tail.Count == count)
                    {
                        break;
                    }
                }
            }
        }

        tail.Reverse();
        return tail;
    }

    private void Add(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        lock (_gate)
        {
            foreach (var line in lines)
            {
                if (_lines.Count == capacity)
                {
                    _lines.Dequeue();
                }

                _lines.Enqueue(line.Replace('\t', ' '));
            }
        }

        Interlocked.Increment(ref _version);
    }
}
