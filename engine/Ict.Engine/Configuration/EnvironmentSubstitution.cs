using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ict.Engine.Configuration;

/// <summary>
/// Replaces <c>${NAME}</c> and <c>${NAME:-default}</c> in the config text with environment values, so secrets stay
/// out of the file. An unset variable without a default becomes an empty string. Values are JSON-escaped.
/// </summary>
public static partial class EnvironmentSubstitution
{
    public static string Apply(string json, Func<string, string?> getVariable, ISet<string> secretsOut)
    {
        return Pattern().Replace(json, match =>
        {
            var name = match.Groups["name"].Value;
            var value = getVariable(name);
            if (string.IsNullOrEmpty(value))
            {
                value = match.Groups["default"].Success ? match.Groups["default"].Value : string.Empty;
            }
            else
            {
                secretsOut.Add(value);
            }

            // Escape for a JSON string body: serialize, then drop the quotes.
            var encoded = JsonSerializer.Serialize(value, EscapeOptions);
            return encoded[1..^1];
        });
    }

    private static readonly JsonSerializerOptions EscapeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Pattern();
}
