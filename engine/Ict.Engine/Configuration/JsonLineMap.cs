using System.Text.Json;

namespace Ict.Engine.Configuration;

/// <summary>Maps JSON paths (<c>$.risk.settings.riskPerTradePercent</c>) to the 1-based line they start on.</summary>
public sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8Json)
    {
        var map = new JsonLineMap();
        var newlines = new List<int>();
        for (var i = 0; i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });

        // Each frame is a container; arrays count their elements, objects remember the pending property name.
        var frames = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                var line = LineOf(newlines, (int)reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        map._lines[CurrentPath(frames) + "." + pendingProperty] = line;
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var path = ValuePath(frames, ref pendingProperty);
                        map._lines.TryAdd(path, line);
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        continue;
                    default:
                        map._lines.TryAdd(ValuePath(frames, ref pendingProperty), line);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // The deserializer reports syntax errors with their own position; the map keeps what it read.
        }

        return map;
    }

    /// <summary>The line of a path, or of its nearest ancestor that is in the file.</summary>
    public int? LineOf(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            current = current[..cut];
        }

        return null;
    }

    private static string CurrentPath(Stack<Frame> frames) => frames.Count == 0 ? "$" : frames.Peek().Path;

    private static string ValuePath(Stack<Frame> frames, ref string? pendingProperty)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var top = frames.Peek();
        if (top.IsArray)
        {
            return $"{top.Path}[{top.NextIndex++}]";
        }

        var path = top.Path + "." + pendingProperty;
        pendingProperty = null;
        return path;
    }

    private static int LineOf(List<int> newlines, int offset)
    {
        var index = newlines.BinarySearch(offset);
        return (index < 0 ? ~index : index) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
