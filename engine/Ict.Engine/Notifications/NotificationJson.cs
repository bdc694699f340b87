using System.Text.Json;
using System.Text.Json.Serialization;
using Ict.Abstractions;

namespace Ict.Engine.Notifications;

/// <summary>How a notification is stored in the outbox: camelCase JSON, enums as words, symbols as text.</summary>
internal static class NotificationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new SymbolConverter() },
    };

    public static string Serialize(Notification notification) => JsonSerializer.Serialize(notification, Options);

    public static Notification Deserialize(string json) =>
        JsonSerializer.Deserialize<Notification>(json, Options) ?? throw new JsonException("the outbox row holds null");

    private sealed class SymbolConverter : JsonConverter<Symbol>
    {
        public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
