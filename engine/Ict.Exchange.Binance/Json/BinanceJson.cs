using System.Text.Json;

namespace Ict.Exchange.Binance.Json;

/// <summary>The serializer options every Binance body goes through.</summary>
public static class BinanceJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Binance sent null for {typeof(T).Name}.");

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = false };
        o.Converters.Add(new FlexibleDecimalConverter());
        o.Converters.Add(new FlexibleInt64Converter());
        o.Converters.Add(new FlexibleInt32Converter());
        o.Converters.Add(new FlexibleBooleanConverter());
        o.Converters.Add(new FlexibleStringConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
