using System.Text;
using System.Text.Json;

namespace Ict.Engine.Configuration;

/// <summary>A loaded, validated <c>engine.json</c>, with what is needed to bind plugin settings later.</summary>
public sealed class EngineConfig
{
    private readonly JsonLineMap _lines;

    private EngineConfig(string filePath, EngineOptions options, JsonLineMap lines, IReadOnlySet<string> secrets, string sha256)
    {
        FilePath = filePath;
        Options = options;
        _lines = lines;
        Secrets = secrets;
        Sha256 = sha256;
    }

    public string FilePath { get; }

    public string BaseDirectory => Path.GetDirectoryName(FilePath) ?? ".";

    public EngineOptions Options { get; }

    /// <summary>Values substituted from the environment: never to be logged or stored.</summary>
    public IReadOnlySet<string> Secrets { get; }

    /// <summary>The SHA-256 of the file as written (before substitution, so no secret is hashed).</summary>
    public string Sha256 { get; }

    public static EngineConfig Load(string path, Func<string, string?>? getVariable = null)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException($"{path}: config file not found");
        }

        var raw = File.ReadAllText(fullPath);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var text = EnvironmentSubstitution.Apply(raw, getVariable ?? Environment.GetEnvironmentVariable, secrets);
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = JsonLineMap.Build(bytes);
        var display = Path.GetFileName(fullPath);

        var options = Deserialize<EngineOptions>(bytes, "$", display, lines)
            ?? throw new ConfigException($"{display}: the file holds 'null', not a config object");
        ThrowIfInvalid(OptionsValidator.Validate(options, "$"), display, lines);

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        return new EngineConfig(fullPath, options, lines, secrets, hash);
    }

    /// <summary>Resolves a path from the config against the config file's folder.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>Binds and validates a plugin's settings section; problems name the JSON path in engine.json.</summary>
    public object BindPluginSettings(Type optionsType, JsonElement? settings, string settingsPath)
    {
        var display = Path.GetFileName(FilePath);
        object? options;
        if (settings is null || settings.Value.ValueKind == JsonValueKind.Null)
        {
            options = Activator.CreateInstance(optionsType);
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(settings.Value.GetRawText());
            options = Deserialize(bytes, optionsType, settingsPath, display, _lines);
        }

        if (options is null)
        {
            throw new ConfigException($"{display}: {settingsPath}: could not create the settings object {optionsType.Name}");
        }

        ThrowIfInvalid(OptionsValidator.Validate(options, settingsPath), display, _lines);
        return options;
    }

    private static T? Deserialize<T>(byte[] bytes, string basePath, string display, JsonLineMap lines) =>
        (T?)Deserialize(bytes, typeof(T), basePath, display, lines);

    private static object? Deserialize(byte[] bytes, Type type, string basePath, string display, JsonLineMap lines)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type, ConfigJson.Options);
        }
        catch (JsonException ex)
        {
            var relative = ex.Path is null or "$" ? string.Empty : ex.Path[1..];
            var path = basePath + relative;
            var line = basePath == "$" && ex.LineNumber is { } l ? (int)l + 1 : lines.LineOf(path);
            throw new ConfigException(Format(display, line, path, Explain(ex)), ex);
        }
    }

    private static string Explain(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            var key = end > start ? message[(start + 1)..end] : "?";
            return $"unknown key '{key}'";
        }

        const string convert = "could not be converted to ";
        var at = message.IndexOf(convert, StringComparison.Ordinal);
        if (at >= 0)
        {
            var target = message[(at + convert.Length)..];
            var end = target.IndexOf(". Path:", StringComparison.Ordinal);
            return $"wrong type: expected {Friendly(end > 0 ? target[..end] : target.TrimEnd('.'))}";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string Friendly(string typeName) => typeName switch
    {
        "System.Decimal" or "System.Double" or "System.Single" => "a number",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.String" => "a string",
        _ when typeName.Contains("IReadOnlyList", StringComparison.Ordinal) => "a list",
        _ when typeName.StartsWith("Ict.", StringComparison.Ordinal) && typeName.EndsWith("Options", StringComparison.Ordinal) => "an object",
        _ when typeName.StartsWith("Ict.", StringComparison.Ordinal) => "one of the allowed words (see the README)",
        _ => typeName,
    };

    private static void ThrowIfInvalid(IReadOnlyList<ConfigProblem> problems, string display, JsonLineMap lines)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var text = string.Join(Environment.NewLine, problems.Select(p => Format(display, lines.LineOf(p.Path), p.Path, p.Message)));
        throw new ConfigException(text);
    }

    private static string Format(string display, int? line, string path, string message) =>
        line is null ? $"{display}: {path}: {message}" : $"{display}:{line}: {path}: {message}";
}
