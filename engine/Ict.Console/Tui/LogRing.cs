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
    private readonly Queue<(long Seq, string Text)> _lines = new(capacity);
    private long _version;
    private long _nextSeq;

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

    /// <summary>
    /// The newest <paramref name="count"/> lines containing <paramref name="filter"/> (any case), oldest first; with
    /// <paramref name="upTo"/>, only lines up to that one (a line's number from <see cref="Back"/>), so a scrolled-back
    /// view stays put while new lines arrive.
    /// </summary>
    public IReadOnlyList<string> Tail(int count, string? filter = null, long? upTo = null)
    {
        var tail = new List<string>(Math.Max(0, count));
        if (count <= 0)
        {
            return tail;
        }

        lock (_gate)
        {
            foreach (var (seq, line) in _lines.Reverse())
            {
                if (seq <= (upTo ?? long.MaxValue) && Matches(line, filter))
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

    /// <summary>
    /// The line <paramref name="lines"/> matching lines older than <paramref name="from"/> (the newest line when null),
    /// or the oldest one kept when there are fewer; null when the log holds no matching line.
    /// </summary>
    public long? Back(long? from, int lines, string? filter = null)
    {
        lock (_gate)
        {
            long? found = null;
            var left = lines;
            foreach (var (seq, line) in _lines.Reverse())
            {
                if (seq > (from ?? long.MaxValue) || !Matches(line, filter))
                {
                    continue;
                }

                found = seq;
                if (left-- == 0)
                {
                    break;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// The line <paramref name="lines"/> matching lines newer than <paramref name="from"/>; null when that reaches or
    /// passes the newest line (the view follows the log again).
    /// </summary>
    public long? Forward(long from, int lines, string? filter = null)
    {
        lock (_gate)
        {
            var left = lines;
            foreach (var (seq, line) in _lines)
            {
                if (seq <= from || !Matches(line, filter))
                {
                    continue;
                }

                if (--left == 0)
                {
                    return seq == _nextSeq - 1 ? null : seq; // reaching the newest line is following it
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The bottom line of the oldest full page of <paramref name="rows"/> matching lines: as far back as a view can
    /// scroll. Null when every matching line fits in one page (there is nothing to scroll).
    /// </summary>
    public long? OldestPageEnd(int rows, string? filter = null)
    {
        lock (_gate)
        {
            var seen = 0;
            long? end = null;
            foreach (var (seq, line) in _lines)
            {
                if (!Matches(line, filter))
                {
                    continue;
                }

                if (++seen == Math.Max(1, rows))
                {
                    end = seq;
                }
                else if (seen > rows)
                {
                    return end;
                }
            }

            return null;
        }
    }

    private static bool Matches(string line, string? filter) => filter is null || line.Contains(filter, StringComparison.OrdinalIgnoreCase);

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

                _lines.Enqueue((_nextSeq++, line.Replace('\t', ' ')));
            }
        }

        Interlocked.Increment(ref _version);
    }
}
