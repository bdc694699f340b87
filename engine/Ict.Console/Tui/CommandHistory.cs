namespace Ict.Console.Tui;

/// <summary>
/// The lines entered at a prompt, for ↑/↓. ↑ walks to older lines, ↓ back to newer ones and finally to the draft that
/// was being typed when the walk began. Empty lines and a repeat of the last line are not recorded.
/// </summary>
internal sealed class CommandHistory(int capacity = 100)
{
    private readonly List<string> _lines = [];
    private int _position; // == _lines.Count while not walking
    private string _draft = string.Empty;

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line)
    {
        if (!string.IsNullOrWhiteSpace(line) && (_lines.Count == 0 || _lines[^1] != line))
        {
            _lines.Add(line);
            if (_lines.Count > capacity)
            {
                _lines.RemoveAt(0);
            }
        }

        _position = _lines.Count;
        _draft = string.Empty;
    }

    /// <summary>The older line, or null when there is none (the caller keeps what it shows).</summary>
    public string? Older(string current)
    {
        if (_position == 0)
        {
            return null;
        }

        if (_position == _lines.Count)
        {
            _draft = current;
        }

        return _lines[--_position];
    }

    /// <summary>The newer line, the draft after the newest, or null when not walking.</summary>
    public string? Newer()
    {
        if (_position >= _lines.Count)
        {
            return null;
        }

        _position++;
        return _position == _lines.Count ? _draft : _lines[_position];
    }

    /// <summary>Ends a walk without entering a line (Esc).</summary>
    public void Reset()
    {
        _position = _lines.Count;
        _draft = string.Empty;
    }
}
