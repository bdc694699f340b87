using Ict.Abstractions;
using Ict.Exchange.Binance.Filters;
using Ict.Exchange.Binance.Models;

namespace Ict.Exchange.Binance.Rest;

/// <summary>Market data, account and listenKey endpoints of USDⓈ-M futures, plus the exchangeInfo filter cache.</summary>
public sealed class BinanceRestClient(BinanceHttp http)
{
    public const int MaxKlineLimit = 1500;

    private readonly SemaphoreSlim _infoGate = new(1, 1);
    private IReadOnlyDictionary<string, SymbolFilters>? _filters;

    public BinanceHttp Http { get; } = http;

    public Task SyncTimeAsync(CancellationToken ct = default) => Http.SyncTimeAsync(ct);

    public async Task<long> GetServerTimeAsync(CancellationToken ct = default) =>
        (await Http.SendAsync<ServerTimeResponse>(HttpMethod.Get, "/fapi/v1/time", null, BinanceSecurity.None, 1, false, ct).ConfigureAwait(false)).ServerTime;

    public Task<ExchangeInfoResponse> GetExchangeInfoAsync(CancellationToken ct = default) =>
        Http.SendAsync<ExchangeInfoResponse>(HttpMethod.Get, "/fapi/v1/exchangeInfo", null, BinanceSecurity.None, 1, false, ct);

    /// <summary>The filters of a symbol, from a cache filled by one exchangeInfo call (refresh with <see cref="RefreshFiltersAsync"/>).</summary>
    public async Task<SymbolFilters> GetFiltersAsync(string symbol, CancellationToken ct = default)
    {
        var filters = _filters ?? await RefreshFiltersAsync(ct).ConfigureAwait(false);
        return filters.TryGetValue(symbol, out var f)
            ? f
            : throw new OrderValidationException(symbol, "SYMBOL", "not listed in exchangeInfo");
    }

    public async Task<IReadOnlyDictionary<string, SymbolFilters>> RefreshFiltersAsync(CancellationToken ct = default)
    {
        await _infoGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var info = await GetExchangeInfoAsync(ct).ConfigureAwait(false);
            var map = info.Symbols.ToDictionary(s => s.Symbol, SymbolFilters.From, StringComparer.Ordinal);
            _filters = map;
            return map;
        }
        finally
        {
            _infoGate.Release();
        }
    }

    /// <summary>The engine's <see cref="InstrumentRules"/> for a symbol.</summary>
    public async Task<InstrumentRules> GetInstrumentRulesAsync(Symbol symbol, int maxLeverage, CancellationToken ct = default) =>
        (await GetFiltersAsync(symbol.Value, ct).ConfigureAwait(false)).ToInstrumentRules(maxLeverage);

    /// <summary>One page of klines (limit ≤ 1500).</summary>
    public Task<IReadOnlyList<KlineRow>> GetKlinesAsync(string symbol, string interval, long? startTimeMs, long? endTimeMs, int limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxKlineLimit);
        var p = new BinanceParameters().Add("symbol", symbol).Add("interval", interval)
            .Add("startTime", startTimeMs).Add("endTime", endTimeMs).Add("limit", (long)limit);
        var weight = limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10;
        return Http.SendAsync<IReadOnlyList<KlineRow>>(HttpMethod.Get, "/fapi/v1/klines", p, BinanceSecurity.None, weight, false, ct);
    }

    /// <summary>
    /// Every closed kline with open time in [<paramref name="fromOpenTimeMs"/>, server now), paging by 1500.
    /// The still-open current candle is left out.
    /// </summary>
    public async Task<IReadOnlyList<Candle>> GetClosedCandlesSinceAsync(Symbol symbol, Interval interval, long fromOpenTimeMs, CancellationToken ct = default)
    {
        var result = new List<Candle>();
        var start = fromOpenTimeMs;
        var now = Http.Clock.NowMs;
        while (true)
        {
            var page = await GetKlinesAsync(symbol.Value, interval.Code, start, null, MaxKlineLimit, ct).ConfigureAwait(false);
            foreach (var row in page)
            {
                if (row.OpenTime >= start && row.CloseTime < now)
                {
                    result.Add(row.ToCandle(symbol, interval));
                }
            }

            if (page.Count < MaxKlineLimit)
            {
                return result;
            }

            start = page[^1].OpenTime + (long)interval.Duration.TotalMilliseconds;
        }
    }

    /// <summary>POST /fapi/v1/leverage.</summary>
    public Task<LeverageResponse> SetLeverageAsync(string symbol, int leverage, CancellationToken ct = default) =>
        Http.SendAsync<LeverageResponse>(HttpMethod.Post, "/fapi/v1/leverage",
            new BinanceParameters().Add("symbol", symbol).Add("leverage", (long)leverage), BinanceSecurity.Signed, 1, false, ct);

    /// <summary>POST /fapi/v1/marginType; "no need to change" (-4046) counts as success.</summary>
    public async Task SetMarginTypeAsync(string symbol, bool isolated, CancellationToken ct = default)
    {
        try
        {
            await Http.SendAsync<CodeMessageResponse>(HttpMethod.Post, "/fapi/v1/marginType",
                new BinanceParameters().Add("symbol", symbol).Add("marginType", isolated ? "ISOLATED" : "CROSSED"),
                BinanceSecurity.Signed, 1, false, ct).ConfigureAwait(false);
        }
        catch (BinanceApiException e) when (e.Code == BinanceErrorCodes.NoNeedToChangeMarginType)
        {
        }
    }

    /// <summary>
    /// GET /fapi/v1/positionSide/dual: true when the account is in Hedge Mode (a LONG and a SHORT position per symbol,
    /// every order naming its positionSide), false in One-way Mode.
    /// </summary>
    public async Task<bool> IsHedgeModeAsync(CancellationToken ct = default) =>
        (await Http.SendAsync<PositionModeResponse>(HttpMethod.Get, "/fapi/v1/positionSide/dual", null, BinanceSecurity.Signed, 30, false, ct)
            .ConfigureAwait(false)).DualSidePosition;

    public Task<IReadOnlyList<BalanceEntry>> GetBalancesAsync(CancellationToken ct = default) =>
        Http.SendAsync<IReadOnlyList<BalanceEntry>>(HttpMethod.Get, "/fapi/v3/balance", null, BinanceSecurity.Signed, 5, false, ct);

    public Task<IReadOnlyList<PositionRiskEntry>> GetPositionRiskAsync(string? symbol = null, CancellationToken ct = default) =>
        Http.SendAsync<IReadOnlyList<PositionRiskEntry>>(HttpMethod.Get, "/fapi/v3/positionRisk",
            new BinanceParameters().Add("symbol", symbol), BinanceSecurity.Signed, 5, false, ct);

    public async Task<string> CreateListenKeyAsync(CancellationToken ct = default) =>
        (await Http.SendAsync<ListenKeyResponse>(HttpMethod.Post, "/fapi/v1/listenKey", null, BinanceSecurity.ApiKey, 1, false, ct).ConfigureAwait(false)).ListenKey
        ?? throw new InvalidOperationException("Binance returned no listenKey.");

    /// <summary>PUT /fapi/v1/listenKey. Throws <see cref="BinanceApiException"/> with -1125 when the key is gone.</summary>
    public Task KeepAliveListenKeyAsync(CancellationToken ct = default) =>
        Http.SendAsync<ListenKeyResponse>(HttpMethod.Put, "/fapi/v1/listenKey", null, BinanceSecurity.ApiKey, 1, false, ct);

    public Task DeleteListenKeyAsync(CancellationToken ct = default) =>
        Http.SendAsync<ListenKeyResponse>(HttpMethod.Delete, "/fapi/v1/listenKey", null, BinanceSecurity.ApiKey, 1, false, ct);
}
