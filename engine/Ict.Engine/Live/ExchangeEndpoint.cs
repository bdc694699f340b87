using Ict.Exchange.Binance.Config;

namespace Ict.Engine.Live;

/// <summary>An exchange to trade instead of the configured one: base URLs and the key pair it accepts.</summary>
public sealed record ExchangeEndpoint(Uri RestBaseUrl, Uri WsBaseUrl, BinanceCredentials Credentials);
