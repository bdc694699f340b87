using System.Threading.Channels;
using Ict.Abstractions;
using Ict.Engine.Configuration;
using Ict.Engine.Kernel;
using Ict.Engine.Market;
using Ict.Engine.State;
using Ict.Exchange.Binance;
using Ict.Exchange.Binance.Config;
using Ict.Exchange.Binance.Streams;

namespace Ict.Engine.Live;

/// <summary>
/// A testnet or live run's connection to Binance: the venue, its sender, the user-data stream and the candle feed.
/// Connect checks the keys, the clock and the symbols' filters before any trading starts; RunAsync reconciles the
/// account with the database, then streams candles into the kernel until stopped.
/// </summary>
internal sealed class LiveSession : IDisposable
{
    private readonly BinanceClient _client;
    private readonly HttpClient _http;
    private readonly BinanceCredentials _credentials;
    private readonly EngineOptions _options;
    private readonly IReadOnlyList<ReplaySource> _sources;
    private readonly Serilog.ILogger _log;
    private readonly TimeProvider _time = TimeProvider.System;
    private UserDataPump? _pump;
    private ChannelWriter<KernelInput>? _kernel;
    private BinanceVenue? _venue;

    private LiveSession(BinanceClient client, HttpClient http, BinanceCredentials credentials, EngineOptions options, IReadOnlyList<ReplaySource> sources,
        Serilog.ILogger log)
    {
        _client = client;
        _http = http;
        _credentials = credentials;
        _options = options;
        _sources = sources;
        _log = log;
    }

    public decimal WalletBalance { get; private set; }

    private volatile string _klines = "connecting";
    private volatile string _userData = "connecting";

    /// <summary>The streams' state for the status views, e.g. <c>binance testnet: klines connected, user data connected</c>.</summary>
    public string State => $"binance {ModeName}: klines {_klines}, user data {_userData}";

    /// <summary>Raised when a stream connects again after its first connection.</summary>
    public event Action? Reconnected;

    /// <summary>Connects the session to the kernel's channel and its venue (once both exist).</summary>
    public void Attach(ChannelWriter<KernelInput> kernel, BinanceVenue venue)
    {
        _kernel = kernel;
        _venue = venue;
        _pump = new UserDataPump(kernel, _time, _options.Account.Asset);
    }

    public string ModeName => _options.Mode.ToString().ToLowerInvariant();

    /// <summary>Connects (time sync, exchangeInfo, balance); replaces the configured trading rules by the exchange's filters.</summary>
    public static LiveSession Connect(EngineConfig config, ExchangeEndpoint? endpoint, IReadOnlyList<ReplaySource> sources,
        Dictionary<Symbol, InstrumentRules> rules, Serilog.ILogger log, Secrets.SecretRedactor redactor)
    {
        var options = config.Options;
        var exchange = options.Exchange;
        var binance = exchange.ToBinance(options.Mode == TradingMode.Live ? BinanceMode.Live : BinanceMode.Testnet) with
        {
            RestBaseUrl = endpoint?.RestBaseUrl ?? exchange.RestBaseUrl,
            WsBaseUrl = endpoint?.WsBaseUrl ?? exchange.WsBaseUrl,
            SecretsFile = exchange.SecretsFile is { } file ? config.ResolvePath(file) : null,
        };
        BinanceCredentials credentials;
        try
        {
            credentials = endpoint?.Credentials ?? CredentialSource.Load(binance);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{Path.GetFileName(config.FilePath)}: $.exchange: {ex.Message}");
        }

        redactor.Add([credentials.ApiKey, credentials.ApiSecret]); // whatever is logged from here on has them masked
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = new BinanceClient(binance, credentials, http, TimeProvider.System);
        var session = new LiveSession(client, http, credentials, options, sources, log);
        try
        {
            client.StartAsync().GetAwaiter().GetResult();
            foreach (var symbol in sources.Select(s => s.Symbol).Distinct())
            {
                var filters = client.Rest.GetFiltersAsync(symbol.Value).GetAwaiter().GetResult();
                if (filters.Status is { } status && status != "TRADING")
                {
                    throw new ConfigException($"{symbol} is not trading on the exchange (exchangeInfo status {status}): take it out of the configured symbols or wait until it trades again");
                }

                rules[symbol] = filters.ToInstrumentRules(rules[symbol].MaxLeverage);
            }

            if (client.Rest.IsHedgeModeAsync().GetAwaiter().GetResult())
            {
                // Every order we send is One-way (positionSide BOTH): in Hedge Mode Binance refuses each one (-4061),
                // stop-losses included. Refuse to start rather than trade unprotected.
                throw new ConfigException(
                    $"the Binance account at {binance.EffectiveRestBaseUrl} is in Hedge Mode (dualSidePosition=true); the engine trades One-way Mode: " +
                    "switch the account's position mode to One-way (Binance Futures: Preferences > Position Mode; it needs no open positions or orders) and start again");
            }

            var balances = client.Rest.GetBalancesAsync().GetAwaiter().GetResult();
            session.WalletBalance = balances.FirstOrDefault(b => b.Asset == options.Account.Asset)?.Balance ?? 0m;
        }
        catch (Exchange.Binance.Filters.OrderValidationException ex)
        {
            session.Dispose();
            throw new ConfigException($"{ex.Symbol} is not listed in the exchangeInfo of {binance.EffectiveRestBaseUrl}: check the configured symbols");
        }
        catch (ConfigException)
        {
            session.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is Exchange.Binance.Rest.BinanceApiException or HttpRequestException or TaskCanceledException)
        {
            session.Dispose();
            throw new ConfigException($"cannot reach the exchange at {binance.EffectiveRestBaseUrl}: {Redaction.Redact(ex.Message, credentials)}");
        }

        log.Information("Exchange {Mode} at {Url} (key {Key}): wallet {Balance} {Asset}", options.Mode.ToString().ToLowerInvariant(),
            binance.EffectiveRestBaseUrl, Redaction.Mask(credentials.ApiKey), session.WalletBalance, options.Account.Asset);
        return session;
    }

    /// <summary>Reconciles, then streams candles into the kernel until <paramref name="stop"/>.</summary>
    public async Task RunAsync(StateStore store, long runId, CancellationToken stop)
    {
        var (venue, kernel, pump) = (_venue, _kernel, _pump) is ({ } v, { } k, { } p) ? (v, k, p) : throw new InvalidOperationException("attach the session to the kernel first");
        var userStream = _client.CreateUserDataStream();
        userStream.Connected += count =>
        {
            _userData = "connected";
            if (count > 1)
            {
                Reconnected?.Invoke();
            }
        };
        var tasks = new List<Task>
        {
            userStream.RunAsync(stop),
            pump.RunAsync(userStream.Events, _client.Trading, stop),
            new BinanceOrderSender(_client.Rest, _client.Trading, venue.Commands, kernel, pump, _credentials, _time, _options.Exchange.MarginType,
                _options.Exchange.UnknownOrderRecheck, _options.Exchange.ResendIntentsYoungerThan, _log).RunAsync(stop),
        };
        try
        {
            var plan = await Reconciler.BuildAsync(store, runId, ModeName, _client.Trading, _client.Rest, _options.Exchange.ResendIntentsYoungerThan, _time.GetUtcNow(),
                _options.Account.Asset, stop)
                .ConfigureAwait(false);
            foreach (var adopted in plan.WorkingProtection)
            {
                pump.Track(adopted.ClientOrderId, algo: true, adopted.Symbol); // their fills must still find their way to the kernel
            }

            foreach (var adopted in plan.WorkingEntries)
            {
                pump.Track(adopted.ClientOrderId, algo: false, adopted.Symbol);
            }

            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            await kernel.WriteAsync(new ReconcileInput(plan, done), stop).ConfigureAwait(false);
            _log.Information("Reconciled with the exchange: {Report}", await done.Task.WaitAsync(stop).ConfigureAwait(false));
            await FeedCandlesAsync(kernel, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is Exchange.Binance.Rest.BinanceApiException or HttpRequestException)
        {
            _log.Error("The exchange connection failed: {Message}", Redaction.Redact(ex.Message, _credentials));
            kernel.TryComplete();
        }
        finally
        {
            venue.Complete();
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    private async Task FeedCandlesAsync(ChannelWriter<KernelInput> kernel, CancellationToken stop)
    {
        var subscriptions = new List<KlineSubscription>();
        foreach (var source in _sources.DistinctBy(s => (s.Symbol, s.Interval)))
        {
            var step = (long)source.Interval.Duration.TotalMilliseconds;
            var from = _client.Http.Clock.NowMs - ((_options.Exchange.WarmupCandles + 1) * step);
            var history = _options.Exchange.WarmupCandles == 0 ? [] : await _client.Rest.GetClosedCandlesSinceAsync(source.Symbol, source.Interval, from, stop).ConfigureAwait(false);
            foreach (var candle in history.TakeLast(_options.Exchange.WarmupCandles))
            {
                await kernel.WriteAsync(new LiveCandleInput(candle, Warmup: true), stop).ConfigureAwait(false);
            }

            subscriptions.Add(new KlineSubscription(source.Symbol, source.Interval, history.Count > 0 ? history[^1].OpenTime : null));
            _log.Information("Live {Symbol} {Interval}: warmed up on {Count} closed candles", source.Symbol.Value, source.Interval.Code, history.Count);
        }

        var stream = _client.CreateKlineStream(subscriptions);
        stream.Disconnected += reason =>
        {
            _klines = "reconnecting";
            _log.Warning("Kline stream disconnected ({Reason}); reconnecting, missed candles are backfilled", reason);
        };
        stream.Connected += count =>
        {
            _klines = "connected";
            if (count > 1)
            {
                Reconnected?.Invoke();
            }
        };
        var run = stream.RunAsync(stop);
        try
        {
            await foreach (var candle in stream.Candles.ReadAllAsync(stop).ConfigureAwait(false))
            {
                await kernel.WriteAsync(new LiveCandleInput(candle, Warmup: false), stop).ConfigureAwait(false);
            }
        }
        finally
        {
            await run.ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();
}
