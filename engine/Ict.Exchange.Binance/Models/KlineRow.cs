using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ict.Exchange.Binance.Models;

/// <summary>One row of GET /fapi/v1/klines: a 12-element array of numbers and decimal strings.</summary>
[JsonConverter(typeof(KlineRowConverter))]
public sealed record KlineRow(long OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, long CloseTime, int Trades);

internal sealed class KlineRowConverter : JsonConverter<KlineRow>
{
    public override KlineRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var a = doc.RootElement;
        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() < 9)
        {
            throw new JsonException("A kline row must be an array of at least 9 elements.");
        }

        return new KlineRow(Long(a[0]), Dec(a[1]), Dec(a[2]), Dec(a[3]), Dec(a[4]), Dec(a[5]), Long(a[6]), (int)Long(a[8]));
    }

    public override void Write(Utf8JsonWriter writer, KlineRow value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.OpenTime);
        foreach (var d in new[] { value.Open, value.High, value.Low, value.Close, value.Volume })
        {
            writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteNumberValue(value.CloseTime);
        writer.WriteStringValue("0");
        writer.WriteNumberValue(value.Trades);
        writer.WriteStringValue("0");
        writer.WriteStringValue("0");
        writer.WriteStringValue("0");
        writer.WriteEndArray();
    }

    private static long Long(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetInt64() : long.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    private static decimal Dec(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number ? e.GetDecimal() : decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Conversions from Binance klines to the engine's candle.</summary>
public static class KlineConversions
{
    public static Ict.Abstractions.Candle ToCandle(this KlineRow row, Ict.Abstractions.Symbol symbol, Ict.Abstractions.Interval interval) =>
        new(symbol, interval, DateTimeOffset.FromUnixTimeMilliseconds(row.OpenTime), row.Open, row.High, row.Low, row.Close, row.Volume);

    public static Ict.Abstractions.Candle ToCandle(this KlinePayload k) =>
        new(new Ict.Abstractions.Symbol(k.Symbol), Ict.Abstractions.Interval.Parse(k.Interval), DateTimeOffset.FromUnixTimeMilliseconds(k.OpenTime),
            k.Open, k.High, k.Low, k.Close, k.Volume);
}
