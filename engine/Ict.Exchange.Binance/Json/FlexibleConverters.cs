using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ict.Exchange.Binance.Json;

// Binance sends decimals as strings, ids as numbers, and sometimes the other way round (ccxt captures,
// listenKeyExpired's "E", algo "code"). These converters accept both, plus "" for "not set".

/// <summary>Reads a decimal from a JSON string or number; "" reads as 0.</summary>
internal sealed class FlexibleDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String => ParseString(reader.GetString()),
            JsonTokenType.Null => 0m,
            _ => throw new JsonException($"Expected a decimal, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    private static decimal ParseString(string? s) =>
        string.IsNullOrEmpty(s) ? 0m : decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Reads an int64 from a JSON number or string; "" reads as 0.</summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetInt64(),
            JsonTokenType.String => string.IsNullOrEmpty(reader.GetString()) ? 0 : long.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
            JsonTokenType.Null => 0,
            _ => throw new JsonException($"Expected an integer, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>Reads an int32 from a JSON number or string (the algo cancel response's "code":"200").</summary>
internal sealed class FlexibleInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetInt32(),
            JsonTokenType.String => string.IsNullOrEmpty(reader.GetString()) ? 0 : int.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
            JsonTokenType.Null => 0,
            _ => throw new JsonException($"Expected an integer, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>Reads a bool from true/false or the strings "true"/"false" (v2 positionRisk's isAutoAddMargin).</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.String => string.Equals(reader.GetString(), "true", StringComparison.OrdinalIgnoreCase),
            JsonTokenType.Null => false,
            _ => throw new JsonException($"Expected a boolean, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>Reads any scalar as its text (ids that are "" until set, like an algo order's actualOrderId).</summary>
internal sealed class FlexibleStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Utf8Text(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a scalar, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static string Utf8Text(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
}
