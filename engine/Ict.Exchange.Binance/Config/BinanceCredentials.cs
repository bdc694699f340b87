namespace Ict.Exchange.Binance.Config;

/// <summary>An API key pair. Its ToString never shows the secret or the whole key.</summary>
public sealed class BinanceCredentials(string apiKey, string apiSecret)
{
    public string ApiKey { get; } = Require(apiKey, nameof(apiKey));

    public string ApiSecret { get; } = Require(apiSecret, nameof(apiSecret));

    public override string ToString() => $"BinanceCredentials(key={Redaction.Mask(ApiKey)}, secret=***)";

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"The Binance {name} is empty.", name) : value.Trim();
}
